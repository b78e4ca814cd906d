import { formatUnits, parseUnits } from 'ethers';
import type { ValueHistoryView, ValueState } from '../../shared/portfolio';
import type { FiatCurrency } from '../../shared/settings';
import type { ChecksumAddress } from '../store/address';
import type { Thinning, ValueSnapshot, ValueSnapshotsRepository } from './valueSnapshotsRepository';

/** What a snapshot needs of a holding's value; `HoldingValue` (valuation.ts) is one. */
export interface ValuedHolding {
  chainId: number;
  account: ChecksumAddress;
  state: ValueState;
  /** Decimal text, cut to 8 decimals; null unless priced. */
  value: string | null;
  /**
   * Whether the amount is nonzero. A zero balance is worth nothing whatever its price, so it is never counted
   * as left out; it still says that its account is in the portfolio on that network.
   */
  held: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Values are cut to 8 decimals (HoldingValueView), so sums in units of 1e-8 are exact. */
const VALUE_DECIMALS = 8;
/**
 * A quiet account is written once per 5 minutes: refreshes can come every few seconds and a flat line needs
 * no more points. A move of more than 0.5% or a change in what could be priced is written sooner, so the
 * chart shows when it happened; but never twice a minute, so a jittery feed cannot flood the table.
 */
const QUIET_GAP = 5 * MINUTE;
const BUSY_GAP = MINUTE;
const MOVE_PER_MILLE = 5n;
/** Recent days keep their detail; older ones only the shape: one point per hour after 2 days, per day after 60. */
const THINNING_AGES = [
  { age: 2 * DAY, bucketMs: HOUR },
  { age: 60 * DAY, bucketMs: DAY },
] as const;
/** Old rows are thinned at most hourly: thinning reads every old row, and an hour changes no bucket much. */
const THIN_EVERY = HOUR;
/** As many points as ValueHistoryView carries: the newest, when there are more. */
export const MAX_HISTORY_POINTS = 200_000;

const keyOf = (chainId: number, account: string) => `${chainId}:${account}`;

/** One (chain, account) at one refresh, before it is written: its sum still in units of 1e-8. */
type AccountSum = Omit<ValueSnapshot, 'at' | 'value'> & { sum: bigint };

/** Per (chain, account): the sum of its priced values and how many holdings were left out. */
function summarize(values: readonly ValuedHolding[]): Map<string, AccountSum> {
  const sums = new Map<string, AccountSum>();
  for (const holding of values) {
    const key = keyOf(holding.chainId, holding.account);
    const entry = sums.get(key) ?? {
      chainId: holding.chainId,
      account: holding.account,
      sum: 0n,
      unpriced: 0,
    };
    if (holding.state === 'priced' && holding.value !== null)
      entry.sum += parseUnits(holding.value, VALUE_DECIMALS);
    else if (holding.held) entry.unpriced += 1;
    sums.set(key, entry);
  }
  return sums;
}

function worthWriting(
  previous: ValueSnapshot | undefined,
  next: { at: number; sum: bigint; unpriced: number },
  floorMs: number,
): boolean {
  if (!previous) return true;
  const gap = next.at - previous.at;
  if (gap >= QUIET_GAP) return true;
  if (gap < floorMs) return false;
  const before = parseUnits(previous.value, VALUE_DECIMALS);
  const move = next.sum > before ? next.sum - before : before - next.sum;
  return next.unpriced !== previous.unpriced || move * 1000n > before * MOVE_PER_MILLE;
}

const decimalText = (units: bigint) => formatUnits(units, VALUE_DECIMALS).replace(/\.0$/, '');

/** The portfolio's value over time, one snapshot per (chain, account) per refresh, bounded in number. */
export class ValueSnapshots {
  private thinnedAt = Number.NEGATIVE_INFINITY;
  /** Per currency, the series whose newest snapshot is not zero: read once, then kept as rows are written. */
  private readonly open = new Map<FiatCurrency, Set<string>>();

  /**
   * `floorMs` is the least time between two snapshots of a series that moved: a minute (BUSY_GAP). Only the
   * end-to-end demo host takes a shorter one (DEMO_VALUE_SNAPSHOT_FLOOR_MS), so the chart's test need not wait
   * out a real minute.
   */
  constructor(
    private readonly repository: ValueSnapshotsRepository,
    private readonly floorMs: number = BUSY_GAP,
  ) {}

  /**
   * Records what each (chain, account) in `values` is worth at `atMs`, where it moved enough to matter.
   * `values` is the whole portfolio: a series that had value and is no longer in it (an account removed, a
   * network turned off) ends with a zero, so no chart carries its last value forward as if it were still held.
   */
  record(values: readonly ValuedHolding[], currency: FiatCurrency, atMs: number): void {
    const sums = summarize(values);
    const open = this.openSeries(currency);
    const leaving = [...open].filter((key) => !sums.has(key));
    for (const key of leaving) {
      const [chainId, account] = key.split(':') as [string, ChecksumAddress];
      sums.set(key, { chainId: Number(chainId), account, sum: 0n, unpriced: 0 });
    }
    const snapshots: ValueSnapshot[] = [];
    for (const [key, { chainId, account, sum, unpriced }] of sums) {
      const previous = this.repository.latest(currency, chainId, account);
      // A series that left ends at once, whatever the floor: the chart must not show it as held meanwhile.
      if (!leaving.includes(key) && !worthWriting(previous, { at: atMs, sum, unpriced }, this.floorMs))
        continue;
      snapshots.push({ chainId, account, at: atMs, value: decimalText(sum), unpriced });
      if (sum === 0n && unpriced === 0) open.delete(key);
      else open.add(key);
    }
    const thinning: Thinning[] = [];
    if (atMs - this.thinnedAt >= THIN_EVERY) {
      thinning.push(...THINNING_AGES.map(({ age, bucketMs }) => ({ before: atMs - age, bucketMs })));
      this.thinnedAt = atMs;
    }
    if (snapshots.length > 0 || thinning.length > 0) this.repository.save(currency, snapshots, thinning);
  }

  private openSeries(currency: FiatCurrency): Set<string> {
    let open = this.open.get(currency);
    if (!open) {
      const newest = this.repository.latestOfEach(currency);
      open = new Set(
        newest
          .filter((snapshot) => snapshot.value !== '0' || snapshot.unpriced > 0)
          .map((snapshot) => keyOf(snapshot.chainId, snapshot.account)),
      );
      this.open.set(currency, open);
    }
    return open;
  }

  /** Oldest first, only snapshots taken in `currency`. */
  history(currency: FiatCurrency): ValueHistoryView {
    return { currency, points: this.repository.newest(currency, MAX_HISTORY_POINTS) };
  }
}
