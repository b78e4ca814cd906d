import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAINS } from '../../shared/chains/registry';
import { DEFAULT_TOKEN_LISTS, parseTokenList } from './tokenList';

const VALID = {
  name: 'Test list',
  timestamp: '2026-05-01T00:00:00.000Z',
  version: { major: 1, minor: 0, patch: 0 },
  tags: { stablecoin: { name: 'Stablecoin', description: 'Fixed value.' } },
  tokens: [
    {
      chainId: 1,
      address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
      symbol: 'USDC',
      name: 'USD Coin',
      decimals: 6,
      tags: ['stablecoin'],
    },
  ],
};

describe('bundled token lists', () => {
  it('cover every registry chain', () => {
    expect([...DEFAULT_TOKEN_LISTS.keys()].toSorted((a, b) => a - b)).toEqual(
      CHAINS.map((c) => c.id).toSorted((a, b) => a - b),
    );
  });

  it('spell every address with its EIP-55 checksum, so a typo in one could not have passed', () => {
    for (const file of [
      'ethereum',
      'arbitrum',
      'optimism',
      'base',
      'polygon',
      'bnb',
      'avalanche',
      'gnosis',
    ]) {
      const raw = JSON.parse(
        readFileSync(join(import.meta.dirname, 'tokenLists', `${file}.tokenlist.json`), 'utf8'),
      ) as {
        tokens: { address: string; chainId: number }[];
      };
      const parsed = DEFAULT_TOKEN_LISTS.get(raw.tokens[0]?.chainId as number);
      expect(parsed?.tokens.map((t) => t.address)).toEqual(raw.tokens.map((t) => t.address));
    }
  });

  it('tag each chain’s wrapped native coin', () => {
    for (const [chainId, list] of DEFAULT_TOKEN_LISTS) {
      expect(
        list.tokens.filter((t) => t.tags?.includes('wnative')),
        `chain ${chainId}`,
      ).toHaveLength(1);
    }
  });
});

describe('parseTokenList', () => {
  it('accepts a Token Lists document and checksums its addresses', () => {
    expect(parseTokenList(VALID, 'test').tokens[0]?.address).toBe(
      '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    );
  });

  it.each([
    [
      'a token listed twice',
      { tokens: [VALID.tokens[0], VALID.tokens[0]] },
      /tokens\.1: 1:0xA0b8.* is listed twice/,
    ],
    ['an undefined tag', { tags: undefined }, /tag stablecoin is not defined/],
    [
      'a bad address',
      { tokens: [{ ...VALID.tokens[0], address: '0x1234' }] },
      /tokens\.0\.address: .*is not an address/,
    ],
    [
      'a checksum typo',
      { tokens: [{ ...VALID.tokens[0], address: '0xA0B86991c6218b36c1d19D4a2e9Eb0cE3606eB48' }] },
      /checksum error/,
    ],
    ['too many decimals', { tokens: [{ ...VALID.tokens[0], decimals: 256 }] }, /tokens\.0\.decimals/],
    ['a symbol with spaces', { tokens: [{ ...VALID.tokens[0], symbol: 'US DC' }] }, /without spaces/],
    ['no tokens', { tokens: [] }, /tokens/],
    ['a bad timestamp', { timestamp: 'yesterday' }, /timestamp/],
    ['an unknown field', { extra: true }, /Unrecognized key/],
  ])('refuses %s with a clear message', (_, patch, message) => {
    expect(() => parseTokenList({ ...VALID, ...patch }, 'my.tokenlist.json')).toThrow(
      /^The token list my\.tokenlist\.json is not valid/,
    );
    expect(() => parseTokenList({ ...VALID, ...patch }, 'my.tokenlist.json')).toThrow(message);
  });
});
