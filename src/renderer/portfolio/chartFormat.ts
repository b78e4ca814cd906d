import type { FiatCurrency } from '../../shared/settings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SECONDS = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DAY_AND_CLOCK = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric' });
const DAY_OF_MONTH = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const MONTH = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
// Seconds too: refreshes a minute apart are still told apart in the readout and the table.
const MOMENT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Tick labels for a time axis spanning `spanMs`: clock times with seconds within 10 minutes, without within a day, day and hour within a few days,
 * days within a year, months beyond; each tick says no more than its neighbours need to tell it apart.
 */
export function timeTickFormat(spanMs: number): (at: Date) => string {
  const format =
    spanMs <= 10 * MINUTE
      ? SECONDS
      : spanMs <= DAY
        ? CLOCK
        : spanMs <= 4 * DAY
          ? DAY_AND_CLOCK
          : spanMs <= 366 * DAY
            ? DAY_OF_MONTH
            : MONTH;
  return (at) => format.format(at);
}

/** A snapshot's time in full, for the readout and the table. */
export function momentText(atMs: number): string {
  return MOMENT.format(atMs);
}

// Same separators as every amount in the app (format/money.ts).
const compactCache = new Map<FiatCurrency, Intl.NumberFormat>();

/** Axis labels: short ("$1.2K"), since the exact figures are in the readout and the table. */
export function compactMoney(value: number, currency: FiatCurrency): string {
  let format = compactCache.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' });
    compactCache.set(currency, format);
  }
  return format.format(value);
}
