import { useState } from 'react';
import { amountWords } from '../../shared/format/amountWords';
import './Amount.css';

interface AmountProps {
  /** Base units; negative for a loss. */
  value: bigint;
  decimals: number;
  symbol: string;
  /** Shown as a change: a minus (U+2212) before a loss and a plus before a gain. */
  signed?: boolean;
  /** A lower bound ("≥ "), when some of the balances summed could not be read. */
  atLeast?: boolean;
  /** Says more than the figure alone, for the title: "At least 4.8 ETH: 1 of 3 balances could not be read." */
  title?: string;
}

/**
 * An amount at about six significant digits, which every table can fit. When digits were left out ("4.899615…
 * ETH") the figure is a button: its title holds every digit, and pressing it (mouse or keyboard) shows them in
 * place, so the exact value can be read and selected without a pointer hovering over it.
 */
export function Amount({ value, decimals, symbol, signed, atLeast, title }: AmountProps) {
  const [expanded, setExpanded] = useState(false);
  const words = amountWords(value, decimals, symbol, { signed });
  const exact = title ?? words.title;
  const zero = value === 0n ? '' : undefined;
  const bound = atLeast && <span className="amount__quiet">≥ </span>;
  // amountWords marks a shortened figure with "…"; unshortened, the text and the exact figure are the same.
  if (words.text === words.title) {
    return (
      <span className="amount" data-zero={zero} title={exact}>
        {bound}
        {words.text}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="amount amount--cut"
      aria-expanded={expanded}
      title={exact}
      onClick={() => setExpanded((was) => !was)}
    >
      {bound}
      {expanded ? words.title : words.text}
    </button>
  );
}
