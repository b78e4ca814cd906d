import type { OutgoingTransaction } from './outgoingRepository';

/**
 * A transaction is followed every poll interval for a minute after it was sent or last changed, when a receipt
 * or a confirmation is news the user waits for; after that, one left pending (too low a fee, a nonce gap) is
 * asked about at a chain poll's pace, not every few seconds for as long as it stays.
 */
const RECENT_CHANGE_MS = 60_000;
const LONG_PENDING_POLL_MS = 15_000;

/** The pause before the next pass over the transactions `followed` in the last one (none: nothing costs). */
export function followPause(
  followed: readonly Pick<OutgoingTransaction, 'updatedAt'>[],
  nowMs: number,
  intervalMs: number,
): number {
  const recent = followed.some((row) => nowMs - row.updatedAt < RECENT_CHANGE_MS);
  return recent || followed.length === 0 ? intervalMs : Math.max(intervalMs, LONG_PENDING_POLL_MS);
}
