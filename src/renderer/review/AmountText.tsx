import type { ReviewAmount } from '../../shared/review';
import { CopyButton } from '../controls/CopyButton';
import { amountWords } from '../../shared/format/amountWords';
import './review.css';

interface AmountTextProps {
  amount: ReviewAmount;
  /**
   * Shown as a change: a minus (U+2212) before a loss, a plus before a gain. A balance change's delta may
   * then carry a leading "-" in `value`, which a plain amount never does.
   */
  signed?: boolean;
}

/** An amount at about six significant digits, the exact figure in its title and one click from the clipboard. */
export function AmountText({ amount, signed }: AmountTextProps) {
  const words = amountWords(BigInt(amount.value), amount.decimals, amount.symbol, {
    signed,
    unlimited: amount.unlimited,
  });
  return (
    <span className="review-amount">
      <span className="review-amount__figure" title={words.title}>
        {words.text}
      </span>
      <CopyButton text={words.copy} label={`amount ${words.title}`} />
    </span>
  );
}
