import { describe, expect, it } from 'vitest';
import type { BridgeLeg } from '../activity';
import { type LocatedLeg, linkBridgeLegs } from './linkBridgeLegs';

const leg = (role: BridgeLeg['role'], key = 'across:1:7'): BridgeLeg => ({
  protocol: 'across',
  role,
  key,
  fromChainId: 1,
  toChainId: 8453,
  token: null,
  amount: 1n,
});
const at = (l: BridgeLeg, chainId: number, hash: string, timestamp: number): LocatedLeg => ({
  leg: l,
  chainId,
  hash,
  timestamp,
});
const SOURCE_HASH = `0x${'a'.repeat(64)}`;
const DEST_HASH = `0x${'b'.repeat(64)}`;

describe('linkBridgeLegs', () => {
  it('leaves a source without its destination pending', () => {
    expect(linkBridgeLegs([at(leg('source'), 1, SOURCE_HASH, 100)]).get('across:1:7')).toEqual({
      key: 'across:1:7',
      protocol: 'across',
      fromChainId: 1,
      toChainId: 8453,
      status: 'pending',
      sourceHash: SOURCE_HASH,
      destinationHash: null,
      sourceTimestamp: 100,
      destinationTimestamp: null,
      durationSeconds: null,
    });
  });

  it('pairs a source with its destination on the other chain, in any order, with the time it took', () => {
    const links = linkBridgeLegs([
      at(leg('destination'), 8453, DEST_HASH, 160),
      at(leg('source'), 1, SOURCE_HASH, 100),
    ]);
    expect(links.get('across:1:7')).toMatchObject({
      status: 'arrived',
      sourceHash: SOURCE_HASH,
      destinationHash: DEST_HASH,
      durationSeconds: 60,
    });
  });

  it('marks a refunded transfer refunded', () => {
    const links = linkBridgeLegs([
      at(leg('source'), 1, SOURCE_HASH, 100),
      at(leg('refund'), 1, DEST_HASH, 9_000),
    ]);
    expect(links.get('across:1:7')).toMatchObject({
      status: 'refunded',
      destinationHash: DEST_HASH,
      durationSeconds: 8_900,
    });
  });

  it('shows a destination seen without its source as arrived, and keeps transfers apart by key', () => {
    const links = linkBridgeLegs([
      at(leg('destination', 'cctp:3:1'), 8453, DEST_HASH, 50),
      at(leg('source'), 1, SOURCE_HASH, 10),
    ]);
    expect(links.size).toBe(2);
    expect(links.get('cctp:3:1')).toMatchObject({
      status: 'arrived',
      sourceHash: null,
      durationSeconds: null,
    });
    expect(links.get('across:1:7')?.status).toBe('pending');
  });
});
