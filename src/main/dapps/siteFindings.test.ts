import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DappChannel, WalletConnectVerification } from '../../shared/dapps';
import { Finding } from '../../shared/review';
import { FIRST_VISIT_MS, type FindingContext, siteFindings } from './siteFindings';

const NOW = 1_800_000_000_000;
const LONG_AGO = NOW - 30 * FIRST_VISIT_MS;
const UNISWAP = 'https://app.uniswap.org';
const EXTENSION: DappChannel = { kind: 'extension' };
const walletConnect = (verification: WalletConnectVerification): DappChannel => ({
  kind: 'walletconnect',
  topic: 'c'.repeat(64),
  name: 'Uniswap',
  verification,
});

const context = (overrides: Partial<FindingContext> = {}): FindingContext => ({
  sites: [],
  sessions: [],
  verifyOn: true,
  now: NOW,
  ...overrides,
});
const codes = (found: Finding[]) => found.map((item) => item.code);

describe('siteFindings', () => {
  it('names the site first, and is quiet about a site the user has known for a day', () => {
    const found = siteFindings(
      UNISWAP,
      EXTENSION,
      context({ sites: [{ origin: UNISWAP, connectedAt: LONG_AGO }] }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'site-origin',
      severity: 'info',
      message: 'Requested by https://app.uniswap.org',
    });
  });

  it('warns of a site never connected, and of one connected less than a day ago', () => {
    const never = siteFindings(UNISWAP, EXTENSION, context());
    expect(codes(never)).toEqual(['site-origin', 'first-visit-site']);
    expect(never[1]?.severity).toBe('warning');
    const recent = siteFindings(
      UNISWAP,
      EXTENSION,
      context({ sites: [{ origin: UNISWAP, connectedAt: NOW - FIRST_VISIT_MS + 1 }] }),
    );
    expect(codes(recent)).toEqual(['site-origin', 'first-visit-site']);
    expect(recent[1]?.message).toContain('less than a day ago');
  });

  it('names the connected site a new one imitates', () => {
    const found = siteFindings(
      'https://app.un1swap.org',
      EXTENSION,
      context({ sites: [{ origin: UNISWAP, connectedAt: LONG_AGO }] }),
    );
    expect(codes(found)).toEqual(['site-origin', 'look-alike-site', 'first-visit-site']);
    expect(found[1]?.message).toContain(UNISWAP);
  });

  it('fits the review contract with the longest origins a site can have', () => {
    const long = (name: string) => `https://${'a'.repeat(270)}.${name}.org`;
    for (const via of [EXTENSION, walletConnect('threat'), walletConnect('mismatch')]) {
      const found = siteFindings(
        long('un1swap'),
        via,
        context({ sites: [{ origin: long('uniswap'), connectedAt: LONG_AGO }] }),
      );
      expect(codes(found)).toContain('look-alike-site');
      expect(z.array(Finding).parse(found)).toEqual(found);
    }
  });

  it('does not compare a site with itself', () => {
    const found = siteFindings(
      UNISWAP,
      EXTENSION,
      context({ sites: [{ origin: UNISWAP, connectedAt: LONG_AGO }] }),
    );
    expect(codes(found)).not.toContain('look-alike-site');
  });

  describe('through WalletConnect', () => {
    const known = { sessions: [{ origin: UNISWAP, connectedAt: LONG_AGO }] };

    it('says how the request came, and that Verify confirmed the domain', () => {
      const found = siteFindings(UNISWAP, walletConnect('validated'), context(known));
      expect(found).toEqual([
        expect.objectContaining({
          code: 'site-origin',
          severity: 'info',
          message: `Requested by ${UNISWAP} through WalletConnect; WalletConnect Verify confirmed the dApp is on it`,
        }),
      ]);
    });

    it('blocks a known threat until the user overrides it', () => {
      const found = siteFindings(UNISWAP, walletConnect('threat'), context(known));
      expect(codes(found)).toEqual(['site-origin', 'dapp-known-threat']);
      expect(found[1]).toMatchObject({ severity: 'blocking', overridable: true });
    });

    it('warns that the page was on another domain than the one claimed', () => {
      const found = siteFindings(UNISWAP, walletConnect('mismatch'), context(known));
      expect(codes(found)).toEqual(['site-origin', 'dapp-domain-mismatch']);
      expect(found[0]?.message).toContain(UNISWAP);
      expect(found[1]).toMatchObject({
        severity: 'warning',
        message: expect.stringContaining('another domain'),
      });
    });

    it('warns of an unconfirmed domain, and says when Verify is off', () => {
      const unknown = siteFindings(UNISWAP, walletConnect('unknown'), context(known));
      expect(unknown[1]).toMatchObject({
        code: 'dapp-unverified',
        severity: 'warning',
        message: expect.stringMatching(/^WalletConnect Verify could not confirm/),
      });
      const off = siteFindings(UNISWAP, walletConnect('unknown'), context({ ...known, verifyOn: false }));
      expect(off[1]?.message).toMatch(/^Verify is off in Settings/);
    });

    it('counts only earlier sessions as known: the extension’s site of that origin proves nothing', () => {
      const extensionOnly = context({ sites: [{ origin: UNISWAP, connectedAt: LONG_AGO }] });
      const found = siteFindings(UNISWAP, walletConnect('validated'), extensionOnly);
      expect(codes(found)).toEqual(['site-origin', 'first-visit-site']);
      expect(found[1]?.message).toContain('through WalletConnect');
    });

    it('compares a dApp’s name with extension sites and sessions alike, both ways', () => {
      const fromSession = siteFindings(
        'https://app.un1swap.org',
        EXTENSION,
        context({ sessions: [{ origin: UNISWAP, connectedAt: LONG_AGO }] }),
      );
      expect(codes(fromSession)).toContain('look-alike-site');
      const fromSite = siteFindings(
        'https://app.un1swap.org',
        walletConnect('validated'),
        context({ sites: [{ origin: UNISWAP, connectedAt: LONG_AGO }] }),
      );
      expect(codes(fromSite)).toContain('look-alike-site');
    });
  });
});
