const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The finest unit an age label counts in: seconds for a read, minutes for a price that lasts an hour. */
export type AgeUnit = 'second' | 'minute';

/**
 * "just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago": short enough for a chip, exact enough to judge
 * freshness. Under a second is "just now", which "0 s ago" only says awkwardly; in minutes, the first minute
 * is "under 1 min ago".
 */
export function formatAge(thenMs: number, nowMs: number, finest: AgeUnit = 'second'): string {
  const seconds = Math.max(0, Math.floor((nowMs - thenMs) / 1000));
  if (finest === 'minute' && seconds < 60) return 'under 1 min ago';
  if (seconds === 0) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/**
 * Since when `formatAge(thenMs, nowMs, finest)` has said what it says at `nowMs`: the start of the whole second,
 * minute, hour or day it counts. -Infinity while it says what it said before `thenMs` ("just now", "under 1
 * min ago"), as for a stamp still ahead of the clock.
 */
export function ageTextSince(thenMs: number, nowMs: number, finest: AgeUnit = 'second'): number {
  const age = nowMs - thenMs;
  const first = finest === 'minute' ? MINUTE_MS : SECOND_MS;
  if (age < first) return -Infinity;
  const unit = age < MINUTE_MS ? SECOND_MS : age < HOUR_MS ? MINUTE_MS : age < DAY_MS ? HOUR_MS : DAY_MS;
  return thenMs + age - (age % unit);
}
