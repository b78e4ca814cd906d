import { describe, expect, it } from 'vitest';
import { fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { keepIfSame, withChainStatuses } from './viewUpdates';

describe('withChainStatuses', () => {
  const view = fixturePortfolio();
  const [ethereum] = view.chains;
  const lastRead = ethereum?.lastRead;
  if (!ethereum || !lastRead) throw new Error('the fixture reads Ethereum');
  const readAt = lastRead.readAt;
  const readAgain = {
    ...ethereum,
    lastRead: { ...lastRead, blockNumber: 19_876_544, readAt: readAt + 15_000 },
  };

  it('puts a newer read in place and leaves the other networks as they were', () => {
    const next = withChainStatuses(view, [readAgain]);
    expect(next).not.toBe(view);
    expect(next.chains[0]).toBe(readAgain);
    expect(next.chains.slice(1)).toEqual(view.chains.slice(1));
    expect(next.chains[1]).toBe(view.chains[1]);
    expect(next.holdings).toBe(view.holdings);
  });

  it('gives back the same view for a status it shows already, an older one, or an unknown network', () => {
    expect(withChainStatuses(view, [{ ...ethereum }])).toBe(view);
    const older = { ...ethereum, lastRead: { ...lastRead, readAt: readAt - 15_000 } };
    expect(withChainStatuses(view, [older])).toBe(view);
    expect(withChainStatuses(view, [{ ...ethereum, chainId: 999 }])).toBe(view);
  });

  it('shows a network going stale at its last good read', () => {
    const stale = { ...ethereum, state: 'stale' as const, reason: 'timed out after 8 s' };
    expect(withChainStatuses(view, [stale]).chains[0]).toBe(stale);
  });
});

describe('keepIfSame', () => {
  it('keeps the shown view when main answers the same, and takes any change', () => {
    const view = fixturePortfolio();
    expect(keepIfSame(view, structuredClone(view))).toBe(view);
    const changed = { ...structuredClone(view), currency: 'EUR' as const };
    expect(keepIfSame(view, changed)).toBe(changed);
    expect(keepIfSame(null, view)).toBe(view);
  });
});
