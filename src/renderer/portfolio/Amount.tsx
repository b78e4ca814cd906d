import { formatAmount } from '../../shared/format/amount';
import type { Total } from './portfolioModel';
import './Amount.css';

interface AmountProps {
  total: Total;
  decimals: number;
  symbol: string;
}

/**
 * A balance or a sum of balances, as exact as the screen allows: the full figure is in the title, a failed
 * read says "unavailable" rather than 0, and a sum missing some reads says it is a lower bound.
 */
export function Amount({ total, decimals, symbol }: AmountProps) {
  if (total.read === 0 && total.unread > 0) {
    return (
      <span className="amount amount--unavailable" title="The balance could not be read from the network.">
        unavailable
      </span>
    );
  }
  const { text, exact, truncated } = formatAmount(total.sum, decimals);
  const partial = total.unread > 0;
  const title = partial
    ? `At least ${exact} ${symbol}: ${total.unread} of ${total.read + total.unread} balances could not be read.`
    : `${exact} ${symbol}`;
  return (
    <span className="amount" data-zero={total.sum === 0n ? '' : undefined} title={title}>
      {partial && <span className="amount__bound">≥ </span>}
      {text}
      {truncated && <span className="amount__more">…</span>} {symbol}
    </span>
  );
}
