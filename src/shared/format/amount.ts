/** How many fractional digits a person needs to compare balances; the exact amount is always one hover away. */
const SIGNIFICANT_FRACTION_DIGITS = 6;

export interface FormattedAmount {
  /** For the eye: thousands separators, at most six significant fractional digits, cut rather than rounded. */
  text: string;
  /** Every digit, for a title and for copying. */
  exact: string;
  /** True when `text` leaves digits out, so the screen can say that it is a shortened figure. */
  truncated: boolean;
}

/** 1234567 → "1,234,567"; works on the decimal string so no integer part ever goes through a float. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A base-unit amount as a person reads it. It is done in bigint end to end: a float would silently change the
 * integer part of large balances. Fractional digits are cut, never rounded up, so a figure never shows more
 * than the account holds.
 */
export function formatAmount(baseUnits: bigint, decimals: number): FormattedAmount {
  const { sign, integer: digits, fraction } = splitAmount(baseUnits, decimals);
  const integer = groupThousands(digits);
  const exact = `${sign}${integer}${fraction ? `.${fraction}` : ''}`;

  const firstSignificant = fraction.search(/[1-9]/);
  // Small balances keep their leading zeros, so 0.000000012 is not shown as 0.
  const keep =
    integer === '0' && firstSignificant >= 0
      ? firstSignificant + SIGNIFICANT_FRACTION_DIGITS
      : SIGNIFICANT_FRACTION_DIGITS;
  const truncated = fraction.length > keep;
  // A cut figure keeps its zeros (1.000000…), so it does not read as a round number it is not.
  const shown = truncated ? fraction.slice(0, keep) : fraction;
  const text = `${sign}${integer}${shown ? `.${shown}` : ''}`;
  return { text, exact, truncated };
}

/**
 * The exact amount as plain decimal text without separators ("1234.5"), for a value a program or an input
 * field reads back, such as the amount a Max button fills in.
 */
export function decimalText(baseUnits: bigint, decimals: number): string {
  const { sign, integer, fraction } = splitAmount(baseUnits, decimals);
  return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}

function splitAmount(
  baseUnits: bigint,
  decimals: number,
): { sign: string; integer: string; fraction: string } {
  const negative = baseUnits < 0n;
  const digits = (negative ? -baseUnits : baseUnits).toString().padStart(decimals + 1, '0');
  return {
    sign: negative ? '-' : '',
    integer: digits.slice(0, digits.length - decimals),
    fraction: digits.slice(digits.length - decimals).replace(/0+$/, ''),
  };
}

/** Plain counts (block numbers, positions) with the same separators as amounts. */
export function formatCount(value: number): string {
  return groupThousands(String(value));
}
