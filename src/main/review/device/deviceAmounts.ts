/** Amounts as device screens write them: every digit, never rounded (they show full precision). */

/** `value` base units in whole units: "12.5", "0", "0.000000000000000001"; no trailing zeros. */
export function exactUnits(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** As exactUnits, with the whole part grouped by thousands with commas, as Trezor's firmware does. */
export function groupedUnits(value: bigint, decimals: number): string {
  const [whole = '0', fraction] = exactUnits(value, decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
