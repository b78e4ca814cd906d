import { describe, expect, it } from 'vitest';
import { accountOf, caipAccount, caipChain, chainIdOf } from './caip';

describe('CAIP names', () => {
  it('writes and reads EVM chains and accounts', () => {
    expect(caipChain(10)).toBe('eip155:10');
    expect(chainIdOf('eip155:10')).toBe(10);
    const address = '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    expect(caipAccount(1, address)).toBe(`eip155:1:${address}`);
    expect(accountOf(`eip155:1:${address}`)).toEqual({ chainId: 1, address: address.toLowerCase() });
  });

  it('refuses other namespaces and malformed ids', () => {
    for (const bad of [
      'solana:5eykt4',
      'eip155:0',
      'eip155:-1',
      'eip155:0x1',
      'eip155:1 ',
      'eip155:',
      42,
      null,
    ])
      expect(chainIdOf(bad)).toBeUndefined();
    expect(chainIdOf('eip155:9999999999999999')).toBeUndefined();
    for (const bad of [
      'eip155:1:0x12',
      'eip155:1:0xzz9fd6e51aad88f6f4ce6ab8827279cfffb92266',
      'eip155:0:0x' + '1'.repeat(40),
    ])
      expect(accountOf(bad)).toBeUndefined();
  });
});
