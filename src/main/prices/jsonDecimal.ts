/** The most a JSON number's exponent may shift its point: a price beyond 10^±40 is nonsense, not a price. */
const MAX_EXPONENT = 40;

const JSON_NUMBER = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * A non-negative JSON number's source text (`12.5`, `1.5e-7`) as plain decimal text (`12.5`, `0.00000015`),
 * exactly: the digits are moved, never passed through a float. Null for a negative number, something that is
 * not a number, or an exponent past ±40.
 */
export function exactDecimal(source: string): string | null {
  const match = JSON_NUMBER.exec(source);
  if (!match) return null;
  const [, whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return null;
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  const integer = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const decimals = padded.slice(at).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

/** A JSON number as it was written, so it can be told from a string that merely looks like one. */
export class JsonNumber {
  constructor(readonly source: string) {}
}

/**
 * JSON.parse that keeps every number as a JsonNumber holding its source text, so a price is never rounded
 * through a float on the way in (the reviver's source context, ES2025's JSON.parse source text access).
 */
export function parseJsonKeepingNumbers(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && context?.source !== undefined ? new JsonNumber(context.source) : value,
  );
}
