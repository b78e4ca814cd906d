import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Finding } from '../../shared/review';
import { FIRST_VISIT_MS, siteFindings } from './siteFindings';

const NOW = 1_800_000_000_000;
const LONG_AGO = NOW - 30 * FIRST_VISIT_MS;

describe('siteFindings', () => {
  it('names the site first, and is quiet about a site the user has known for a day', () => {
    const found = siteFindings(
      'https://app.uniswap.org',
      [{ origin: 'https://app.uniswap.org', connectedAt: LONG_AGO }],
      NOW,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'site-origin',
      severity: 'info',
      message: 'Requested by https://app.uniswap.org',
    });
  });

  it('warns of a site never connected, and of one connected less than a day ago', () => {
    const never = siteFindings('https://app.uniswap.org', [], NOW);
    expect(never.map((item) => item.code)).toEqual(['site-origin', 'first-visit-site']);
    expect(never[1]?.severity).toBe('warning');
    const recent = siteFindings(
      'https://app.uniswap.org',
      [{ origin: 'https://app.uniswap.org', connectedAt: NOW - FIRST_VISIT_MS + 1 }],
      NOW,
    );
    expect(recent.map((item) => item.code)).toEqual(['site-origin', 'first-visit-site']);
    expect(recent[1]?.message).toContain('less than a day ago');
  });

  it('names the connected site a new one imitates', () => {
    const found = siteFindings(
      'https://app.un1swap.org',
      [{ origin: 'https://app.uniswap.org', connectedAt: LONG_AGO }],
      NOW,
    );
    expect(found.map((item) => item.code)).toEqual(['site-origin', 'look-alike-site', 'first-visit-site']);
    expect(found[1]?.message).toContain('https://app.uniswap.org');
  });

  it('fits the review contract with the longest origins a site can have', () => {
    const long = (name: string) => `https://${'a'.repeat(270)}.${name}.org`;
    const found = siteFindings(long('un1swap'), [{ origin: long('uniswap'), connectedAt: LONG_AGO }], NOW);
    expect(found.map((item) => item.code)).toContain('look-alike-site');
    expect(z.array(Finding).parse(found)).toEqual(found);
  });

  it('does not compare a site with itself', () => {
    const found = siteFindings(
      'https://app.uniswap.org',
      [{ origin: 'https://app.uniswap.org', connectedAt: LONG_AGO }],
      NOW,
    );
    expect(found.some((item) => item.code === 'look-alike-site')).toBe(false);
  });
});
