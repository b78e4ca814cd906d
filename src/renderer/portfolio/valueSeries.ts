import { decimalText } from '../../shared/format/amount';
import type { ValuePointView } from '../../shared/portfolio';
import { chainTone } from '../chains/chainTone';

export type ValueGrouping = 'network' | 'account';

/** One line of the chart: a network's or an account's value at every time of the chart. */
export interface ValueSeries {
  key: string;
  label: string;
  /** The network a line stands for, for its colour; null for an account's line. */
  chainId: number | null;
  /** Exact, one per time; null before the line's first snapshot or after it left the portfolio. */
  values: (string | null)[];
}

/** Where a line's colour comes from: its network's tone, or its place among the accounts. */
export function seriesTone(series: ValueSeries, index: number): Record<string, string> {
  return series.chainId === null
    ? { 'data-series-slot': String(index % 8) }
    : { 'data-chain-tone': chainTone(series.chainId) };
}

export interface ValueChartData {
  /** Milliseconds, oldest first: every time any snapshot was taken. */
  times: number[];
  series: ValueSeries[];
  /** The sum of every line at each time. */
  totals: string[];
  /** Holdings left out of the latest values because they were stale or had no price. */
  unpricedAtEnd: number;
}

export interface ValueNames {
  /** Keys `chainId:account` (account lower-case) still in the portfolio; their last value carries to the end. */
  present: ReadonlySet<string>;
  chainName(chainId: number): string;
  accountLabel(account: string): string;
  /** Lines are drawn in this order: the page's network order, its account order. */
  order(grouping: ValueGrouping, id: string): number;
}

/** Snapshots carry up to 8 decimals; summing in units of 1e-8 keeps every total exact. */
const DECIMALS = 8;

function units(value: string): bigint {
  const [integer = '0', fraction = ''] = value.split('.');
  return BigInt(integer + fraction.slice(0, DECIMALS).padEnd(DECIMALS, '0'));
}

export const holdingKey = (chainId: number, account: string) => `${chainId}:${account.toLowerCase()}`;

/** One (network, account) pair's snapshots, each value carried forward to the next one. */
interface Track {
  chainId: number;
  account: string;
  points: { at: number; units: bigint; unpriced: number }[];
}

function tracksOf(points: readonly ValuePointView[]): Track[] {
  const tracks = new Map<string, Track>();
  for (const point of points) {
    const key = holdingKey(point.chainId, point.account);
    const track = tracks.get(key) ?? { chainId: point.chainId, account: point.account, points: [] };
    track.points.push({ at: point.at, units: units(point.value), unpriced: point.unpriced });
    tracks.set(key, track);
  }
  for (const track of tracks.values()) track.points.sort((a, b) => a.at - b.at);
  return [...tracks.values()];
}

/**
 * The track's value at each time: its latest snapshot at or before it. A pair is not snapshotted again while
 * its value holds still, so its value carries forward; past its last snapshot only while it is still in the
 * portfolio, so a removed account or a disabled network does not hang on as a flat line.
 */
function carried(track: Track, times: readonly number[], present: boolean) {
  const last = track.points.at(-1)?.at ?? -Infinity;
  let index = -1;
  return times.map((time) => {
    while (index + 1 < track.points.length && (track.points[index + 1]?.at ?? Infinity) <= time) index += 1;
    return index < 0 || (time > last && !present) ? null : (track.points[index] ?? null);
  });
}

/** The stored snapshots as lines by network or by account, with the totals and what the latest left out. */
export function shapeValueHistory(
  points: readonly ValuePointView[],
  grouping: ValueGrouping,
  names: ValueNames,
): ValueChartData {
  const times = [...new Set(points.map((point) => point.at))].sort((a, b) => a - b);
  const lines = new Map<string, { label: string; chainId: number | null; units: (bigint | null)[] }>();
  const totals = times.map(() => 0n);
  let unpricedAtEnd = 0;

  for (const track of tracksOf(points)) {
    const id = grouping === 'network' ? String(track.chainId) : track.account.toLowerCase();
    const line = lines.get(id) ?? {
      label: grouping === 'network' ? names.chainName(track.chainId) : names.accountLabel(track.account),
      chainId: grouping === 'network' ? track.chainId : null,
      units: times.map(() => null),
    };
    const values = carried(track, times, names.present.has(holdingKey(track.chainId, track.account)));
    values.forEach((point, index) => {
      if (!point) return;
      line.units[index] = (line.units[index] ?? 0n) + point.units;
      totals[index] = (totals[index] ?? 0n) + point.units;
    });
    unpricedAtEnd += values.at(-1)?.unpriced ?? 0;
    lines.set(id, line);
  }

  const series = [...lines.entries()]
    .sort(([a], [b]) => names.order(grouping, a) - names.order(grouping, b) || a.localeCompare(b))
    .map(([key, line]) => ({
      key,
      label: line.label,
      chainId: line.chainId,
      values: line.units.map((value) => (value === null ? null : decimalText(value, DECIMALS))),
    }));
  return { times, series, totals: totals.map((total) => decimalText(total, DECIMALS)), unpricedAtEnd };
}
