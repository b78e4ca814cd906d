import { describe, expect, it } from 'vitest';
import type { Chain } from './chain';
import { chainName } from './chainName';
import { findChain } from './registry';

describe('chainName', () => {
  it('names a built-in chain from the registry, by number or bigint', () => {
    expect(chainName(137)).toBe('Polygon');
    expect(chainName(10n)).toBe('OP Mainnet');
  });

  it('names a network the user added from the wallet’s own list', () => {
    const devnet = { ...(findChain(1) as Chain), id: 777, name: 'Home Devnet' };
    expect(chainName(777, [devnet])).toBe('Home Devnet');
  });

  it('falls back to the id for a chain nobody knows, however large', () => {
    expect(chainName(999_999)).toBe('chain 999999');
    expect(chainName(2n ** 80n)).toBe(`chain ${2n ** 80n}`);
  });
});
