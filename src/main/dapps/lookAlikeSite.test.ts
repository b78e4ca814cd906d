import { describe, expect, it } from 'vitest';
import { editDistance, lookAlikeOf, registrableName, skeleton } from './lookAlikeSite';

describe('registrableName', () => {
  it('keeps the name its owner registered, under a one- or two-label suffix', () => {
    expect(registrableName('https://app.uniswap.org')).toEqual({ domain: 'uniswap.org', label: 'uniswap' });
    expect(registrableName('https://www.shop.example.co.uk')).toEqual({
      domain: 'example.co.uk',
      label: 'example',
    });
  });

  it('has none for the user’s own machine', () => {
    expect(registrableName('http://localhost:5173')).toBeNull();
    expect(registrableName('http://127.0.0.1:8545')).toBeNull();
    expect(registrableName('http://[::1]:3000')).toBeNull();
  });
});

describe('skeleton', () => {
  it('folds digits, letter pairs and homoglyphs that read as others', () => {
    expect(skeleton('un1swap')).toBe(skeleton('uniswap'));
    expect(skeleton('0pensea')).toBe(skeleton('opensea'));
    expect(skeleton('rnetamask')).toBe(skeleton('metamask'));
    expect(skeleton('vvallet')).toBe(skeleton('wallet'));
    // Cyrillic а (U+0430) in place of the Latin a, as the browser sends it: punycode.
    const host = new URL('https://\u0430ave.com').hostname;
    expect(host.startsWith('xn--')).toBe(true);
    expect(skeleton(host.split('.')[0] as string)).toBe(skeleton('aave'));
  });

  it('keeps different names apart', () => {
    expect(skeleton('curve')).not.toBe(skeleton('aave'));
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('uniswap', 'uniswap', 2)).toBe(0);
    expect(editDistance('uniswap', 'uniswapp', 2)).toBe(1);
    expect(editDistance('uniswap', 'unswop', 2)).toBe(2);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('stops at the limit', () => {
    expect(editDistance('uniswap', 'compound', 2)).toBe(3);
    expect(editDistance('ab', 'abcdef', 2)).toBe(3);
  });
});

describe('lookAlikeOf', () => {
  const known = ['https://app.uniswap.org', 'https://app.aave.com', 'http://localhost:3000'];

  it('finds a name within two edits of a long one', () => {
    expect(lookAlikeOf('https://app.uniswapp.org', known)).toBe('https://app.uniswap.org');
    expect(lookAlikeOf('https://unlswaq.org', known)).toBe('https://app.uniswap.org');
  });

  it('finds the same name under another suffix, and a homoglyph spelling', () => {
    expect(lookAlikeOf('https://uniswap.com', known)).toBe('https://app.uniswap.org');
    expect(lookAlikeOf(new URL('https://\u0430\u0430ve.com').origin, known)).toBe('https://app.aave.com');
  });

  it('allows one edit only on a short name', () => {
    expect(lookAlikeOf('https://aavee.com', known)).toBe('https://app.aave.com');
    expect(lookAlikeOf('https://bravo.com', known)).toBeNull();
  });

  it('never matches the same owner’s other hosts, unrelated names, or the user’s machine', () => {
    expect(lookAlikeOf('https://info.uniswap.org', known)).toBeNull();
    expect(lookAlikeOf('https://compound.finance', known)).toBeNull();
    expect(lookAlikeOf('http://localhost:3001', known)).toBeNull();
  });
});
