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

type Followed = Pick<OutgoingTransaction, 'chainId' | 'updatedAt'>;

/**
 * When each chain's followed transactions are next asked about. Each chain keeps its own pace (`followPause`
 * over its own transactions and its own run of passes without a block), so a send left pending on a chain
 * that makes no block backs off even while a send on a busy chain is followed every interval.
 */
export class FollowSchedule {
  private readonly chains = new Map<number, { standstill: number; dueAt: number }>();

  constructor(private readonly intervalMs: number) {}

  /** The chains of `followed` whose turn it is at `nowMs`; a chain not read yet is always due. */
  due(followed: readonly Followed[], nowMs: number): number[] {
    const chainIds = new Set(followed.map((row) => row.chainId));
    for (const chainId of this.chains.keys()) if (!chainIds.has(chainId)) this.chains.delete(chainId);
    return [...chainIds].filter((chainId) => (this.chains.get(chainId)?.dueAt ?? 0) <= nowMs);
  }

  /**
   * A pass asked about `chainId`: `moved` says whether its head differs from the last one read, `null` that
   * the chain could not be read (asked again at the interval, as news may be waiting).
   */
  read(chainId: number, moved: boolean | null, followed: readonly Followed[], nowMs: number): void {
    const standstill = moved === false ? (this.chains.get(chainId)?.standstill ?? 0) + 1 : 0;
    const rows = followed.filter((row) => row.chainId === chainId);
    this.chains.set(chainId, {
      standstill,
      dueAt: nowMs + followPause(rows, nowMs, this.intervalMs, standstill),
    });
  }

  /** News on `chainId` (a send): it is due at once and followed at the interval again. */
  hurry(chainId: number): void {
    this.chains.delete(chainId);
  }

  /** The pause until the next chain of `followed` is due; the interval when nothing is followed. */
  pauseMs(followed: readonly Followed[], nowMs: number): number {
    const dueAts = followed.map((row) => this.chains.get(row.chainId)?.dueAt ?? nowMs);
    return dueAts.length === 0 ? this.intervalMs : Math.max(0, Math.min(...dueAts) - nowMs);
  }
}
