import type { PriceSourceView } from '../../shared/portfolio';
import { type AgeUnit, formatAge } from './age';

/** "1 h", "24 h", "20 min": a feed's heartbeat as a person reads it. */
export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * Prices are dated in minutes: a feed is judged against a heartbeat of 20 min to a day, so seconds would say
 * nothing and redraw every price on the page as they count.
 */
export const PRICE_AGE_UNIT: AgeUnit = 'minute';

export interface Provenance {
  /** For the cell: "ETH/USD feed · 4 min ago", "CoinGecko · 2 min ago", "ETH/USD, EUR/USD feeds · 3 h ago". */
  line: string;
  /** Every source in full, one per line: pair, network, feed address, heartbeat and update time. */
  detail: string;
}

/**
 * Where a value's prices came from and how old they are. The age is the oldest source's, since a value is
 * only as current as the oldest price in it (the asset's, or the currency's rate).
 */
export function provenance(
  sources: readonly PriceSourceView[],
  chainName: (chainId: number) => string,
  nowMs: number,
): Provenance {
  const pairs = sources.flatMap((source) => (source.kind === 'oracle' ? [source.pair] : []));
  const services = [
    ...new Set(sources.flatMap((source) => (source.kind === 'service' ? [source.name] : []))),
  ];
  const feeds = pairs.length === 0 ? [] : [`${pairs.join(', ')} ${pairs.length === 1 ? 'feed' : 'feeds'}`];
  const oldest = Math.min(...sources.map((source) => source.updatedAt));
  const age = sources.length === 0 ? '' : ` · ${formatAge(oldest * 1000, nowMs, PRICE_AGE_UNIT)}`;
  return {
    line: [...services, ...feeds].join(', ') + age,
    detail: sources.map((source) => sourceDetail(source, chainName, nowMs)).join('\n'),
  };
}

function sourceDetail(
  source: PriceSourceView,
  chainName: (chainId: number) => string,
  nowMs: number,
): string {
  const updated = `updated ${new Date(source.updatedAt * 1000).toLocaleString()} (${formatAge(source.updatedAt * 1000, nowMs, PRICE_AGE_UNIT)})`;
  if (source.kind === 'service') return `${source.name}, the optional price service: ${updated}`;
  return (
    `${source.pair} feed on ${chainName(source.chainId)} at ${source.feed}, ` +
    `heartbeat ${formatDuration(source.heartbeatSeconds)}: ${updated}`
  );
}
