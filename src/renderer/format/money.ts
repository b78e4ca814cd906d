import { decimalText } from '../../shared/format/amount';
import type { FiatCurrency } from '../../shared/settings';

/**
 * The exact sum of non-negative decimal texts, in bigint at the widest fraction among them: a float would
 * drift on the eighth decimal of a large portfolio, and a total must equal the sum of its parts.
 */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((value) => value.split('.')[1]?.length ?? 0));
  const units = values.reduce((sum, value) => {
    const [integer = '0', fraction = ''] = value.split('.');
    return sum + BigInt(integer + fraction.padEnd(scale, '0'));
  }, 0n);
  return decimalText(units, scale);
}

export interface MoneyWords {
  /** In the currency's own minor unit (none for JPY), cut rather than rounded up: "$43,209.75". */
  text: string;
  /** Every digit main sent, for a title: "$43,209.75123456". */
  title: string;
}

// Money uses the same separators as every amount in the app (formatAmount groups with "," and cuts with "."),
// so a value and the balance beside it never read with different conventions.
const LOCALE = 'en-US';
const EXACT_DIGITS = 8;

/** The format methods take a numeric string and keep every digit of it, so no value passes through a float. */
type NumericText = Intl.StringNumericLiteral;

// Building a formatter costs a hundred times a format call, and the page formats every value on each render;
// FiatCurrency is a fixed list, so this cache stays small.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: FiatCurrency, exact = false): Intl.NumberFormat {
  const key = `${currency}:${exact}`;
  let format = formatters.get(key);
  if (!format) {
    format = buildFormatter(currency, exact);
    formatters.set(key, format);
  }
  return format;
}

function buildFormatter(currency: FiatCurrency, exact: boolean): Intl.NumberFormat {
  const options: Intl.NumberFormatOptions = { style: 'currency', currency, roundingMode: 'trunc' };
  const short = new Intl.NumberFormat(LOCALE, options);
  if (!exact) return short;
  const minorDigits = short.resolvedOptions().maximumFractionDigits ?? 0;
  return new Intl.NumberFormat(LOCALE, {
    ...options,
    minimumFractionDigits: minorDigits,
    maximumFractionDigits: Math.max(EXACT_DIGITS, minorDigits),
  });
}

/**
 * A value in the currency. A value too small for the currency's minor unit reads "< $0.01" (or "< ¥1"), not
 * "$0.00", which would say it is worth nothing.
 */
export function moneyWords(value: string, currency: FiatCurrency): MoneyWords {
  const short = formatter(currency);
  const title = formatter(currency, true).format(value as NumericText);
  const text = short.format(value as NumericText);
  if (!/[1-9]/.test(value) || text !== short.format(0)) return { text, title };
  const minorDigits = short.resolvedOptions().maximumFractionDigits ?? 0;
  return { text: `< ${short.format(10 ** -minorDigits)}`, title };
}
