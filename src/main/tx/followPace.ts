import type { OutgoingTransaction } from './outgoingRepository';

/**
 * A transaction is followed every poll interval for a minute after it was sent or last changed, when a receipt
 * or a confirmation is news the user waits for; after that, one left pending (too low a fee, a nonce gap) is
 * asked about at a chain poll's pace, not every few seconds for as long as it stays.
 */
const RECENT_CHANGE_MS = 60_000;
const LONG_PENDING_POLL_MS = 15_000;

/**
 * The pause before the next pass over the transactions `followed` in the last one (none: nothing costs).
 * `standstill` counts the passes in a row in which none of their chains made a block: without a block there
 * is no receipt and no confirmation to find, so each such pass doubles the pause, up to a chain poll's pace,
 * and the first new block brings it back to the interval.
 */
export function followPause(
  followed: readonly Pick<OutgoingTransaction, 'updatedAt'>[],
  nowMs: number,
  intervalMs: number,
  standstill = 0,
): number {
  if (followed.length === 0) return intervalMs;
  const longest = Math.max(intervalMs, LONG_PENDING_POLL_MS);
  const recent = followed.some((row) => nowMs - row.updatedAt < RECENT_CHANGE_MS);
  return recent ? Math.min(intervalMs * 2 ** standstill, longest) : longest;
}
