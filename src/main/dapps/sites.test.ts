import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { SITE_LIFETIME_MS, Sites } from './sites';
import { SitesRepository } from './sitesRepository';

const A = 'https://a.example';
const B = 'https://b.example';

describe('Sites', () => {
  const temp = useTempDatabase('dapps-sites-');
  let now = 1_000_000;
  const sites = () => new Sites(new SitesRepository(temp.db), () => now);

  it('connects a site with its accounts and chain, and keeps it across a restart', () => {
    const site = sites().connect(A, [2, 1], 10);
    expect(site).toEqual({ origin: A, accountIds: [2, 1], chainId: 10, connectedAt: now, lastUsedAt: now });
    temp.reopen();
    expect(sites().connected(A)).toEqual(site);
    expect(sites().list()).toEqual([
      { ...site, windowEthereum: false, expiresAt: now + SITE_LIFETIME_MS, revokedAt: null },
    ]);
  });

  it('lapses 30 days after the last use, and use pushes that back', () => {
    const s = sites();
    const site = s.connect(A, [1], 1);
    now += SITE_LIFETIME_MS - 1;
    s.used(site);
    now += SITE_LIFETIME_MS - 1;
    expect(s.connected(A)?.lastUsedAt).toBe(1_000_000 + SITE_LIFETIME_MS - 1);
    now += 1;
    expect(s.connected(A)).toBeUndefined();
    expect(s.list()).toEqual([]);
    expect(s.known()).toEqual([{ origin: A, connectedAt: 1_000_000 }]);
  });

  it('writes use at most once a minute', () => {
    const s = sites();
    const site = s.connect(A, [1], 1);
    now += 30_000;
    s.used(site);
    expect(s.connected(A)?.lastUsedAt).toBe(site.lastUsedAt);
    now += 30_000;
    s.used(site);
    expect(s.connected(A)?.lastUsedAt).toBe(now);
  });

  it('a revoked site is no longer connected, but stays known; connecting again starts afresh', () => {
    const s = sites();
    s.connect(A, [1], 1);
    s.setWindowEthereum(A, true);
    expect(s.windowEthereumOrigins()).toEqual([A]);
    expect(s.revoke(A)).toBe(true);
    expect(s.revoke(A)).toBe(false);
    expect(s.connected(A)).toBeUndefined();
    expect(s.windowEthereumOrigins()).toEqual([]);
    expect(s.known().map((k) => k.origin)).toEqual([A]);
    now += 5;
    expect(s.connect(A, [2], 10).connectedAt).toBe(now);
    expect(s.connected(A)?.accountIds).toEqual([2]);
  });

  it('revokeAll names the sites it disconnected', () => {
    const s = sites();
    s.connect(A, [1], 1);
    s.connect(B, [1], 1);
    s.revoke(B);
    expect(s.revokeAll()).toEqual([A]);
    expect(s.list()).toEqual([]);
  });

  it('a site left with no account is disconnected; its chain can change', () => {
    const s = sites();
    s.connect(A, [1, 2], 1);
    s.setAccounts(A, [2]);
    s.setChain(A, 10);
    expect(s.connected(A)).toMatchObject({ accountIds: [2], chainId: 10 });
    s.setAccounts(A, []);
    expect(s.connected(A)).toBeUndefined();
  });
});
