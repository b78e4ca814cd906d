import { formatAmount } from './amount';

/** A figure as the review shows it: short for the eye, exact for the title and for copying. */
export interface AmountWords {
  /** "−100 TKN", "0.000462… ETH", "Unlimited USDC". */
  text: string;
  /** Every digit with its symbol: "0.000462123456789 ETH". */
  title: string;
  /** Every digit and nothing else, as a person would paste it into an amount field: "1234.5". */
  copy: string;
}

/** The minus sign a reader sees, not a hyphen: U+2212 keeps "−100" from reading as a range or a dash. */
export const MINUS = '\u2212';

/**
 * Base units in words, with about six significant digits (formatAmount's rules: cut, never rounded up) and
 * "…" when digits were left out. `signed` puts a real minus before a loss and a plus before a gain, as a
 * balance change reads; a plain amount carries no sign.
 */
export function amountWords(
  baseUnits: bigint,
  decimals: number,
  symbol: string,
  options: { signed?: boolean; unlimited?: boolean } = {},
): AmountWords {
  if (options.unlimited) {
    return {
      text: `Unlimited ${symbol}`,
      title: `Unlimited ${symbol}: no limit on the amount`,
      copy: 'Unlimited',
    };
  }
  const negative = baseUnits < 0n;
  const { text, exact, truncated } = formatAmount(negative ? -baseUnits : baseUnits, decimals);
  const sign = options.signed ? (negative ? MINUS : baseUnits > 0n ? '+' : '') : negative ? MINUS : '';
  return {
    text: `${sign}${text}${truncated ? '…' : ''} ${symbol}`.trimEnd(),
    title: `${sign}${exact} ${symbol}`.trimEnd(),
    copy: `${negative ? '-' : ''}${exact.replaceAll(',', '')}`,
  };
}
