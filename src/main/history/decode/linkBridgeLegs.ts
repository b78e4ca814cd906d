import type { BridgeView } from '../../../shared/history';
import type { BridgeLeg } from '../activity';

/** A leg where it was found. */
export interface LocatedLeg {
  leg: BridgeLeg;
  chainId: number;
  hash: string;
  timestamp: number;
}

/** One bridge transfer as the timeline shows it, plus how long it took once it arrived or was refunded. */
export type BridgeLink = BridgeView & { key: string; durationSeconds: number | null };

/**
 * Pairs legs by key. The source leg decides pending; a destination makes it arrived and a refund refunded
 * (whichever came first, should both ever appear). A destination seen without its source (the account
 * received from someone else's bridge, or the source is outside the indexed range) is still arrived.
 */
export function linkBridgeLegs(legs: readonly LocatedLeg[]): Map<string, BridgeLink> {
  const byKey = new Map<string, LocatedLeg[]>();
  for (const located of legs) byKey.set(located.leg.key, [...(byKey.get(located.leg.key) ?? []), located]);
  return new Map([...byKey].map(([key, group]) => [key, link(key, group)]));
}

function link(key: string, group: readonly LocatedLeg[]): BridgeLink {
  const source = group.find(({ leg }) => leg.role === 'source') ?? null;
  const end =
    [...group]
      .filter(({ leg }) => leg.role !== 'source')
      .sort((a, b) => a.timestamp - b.timestamp || a.hash.localeCompare(b.hash))[0] ?? null;
  const described = (source ?? end) as LocatedLeg;
  return {
    key,
    protocol: described.leg.protocol,
    fromChainId: described.leg.fromChainId,
    toChainId: described.leg.toChainId,
    status: end === null ? 'pending' : end.leg.role === 'refund' ? 'refunded' : 'arrived',
    sourceHash: source?.hash ?? null,
    destinationHash: end?.hash ?? null,
    sourceTimestamp: source?.timestamp ?? null,
    destinationTimestamp: end?.timestamp ?? null,
    durationSeconds: source && end ? Math.max(0, end.timestamp - source.timestamp) : null,
  };
}
