import { getAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import { findKnownToken, KNOWN_TOKENS } from './knownTokens';

describe('known tokens', () => {
  it('stores checksummed addresses, one entry per chain and address', () => {
    for (const token of KNOWN_TOKENS) expect(getAddress(token.address)).toBe(token.address);
    const keys = KNOWN_TOKENS.map((token) => `${token.chainId}:${token.address.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds a token by chain and address in any letter case', () => {
    expect(findKnownToken(1, '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')).toMatchObject({
      symbol: 'USDC',
      decimals: 6,
    });
    expect(findKnownToken(8453, '0x4200000000000000000000000000000000000006')?.symbol).toBe('WETH');
  });

  it('does not carry a token over to another chain', () => {
    expect(findKnownToken(137, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')).toBeUndefined();
    expect(findKnownToken(1, '0x4200000000000000000000000000000000000006')).toBeUndefined();
  });
});
