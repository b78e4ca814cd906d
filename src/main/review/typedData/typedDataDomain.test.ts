import { describe, expect, it } from 'vitest';
import { parseDomain } from './typedDataDomain';
import type { TypedDataInput } from './typedDataValue';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const data = (
  domain: Record<string, unknown>,
  EIP712Domain?: { name: string; type: string }[],
): TypedDataInput => ({
  domain,
  types: { ...(EIP712Domain ? { EIP712Domain } : {}), Ping: [{ name: 'n', type: 'uint8' }] },
  primaryType: 'Ping',
  message: { n: 1 },
});

describe('parseDomain', () => {
  it('reads the standard fields the domain uses when it declares no type', () => {
    expect(
      parseDomain(data({ name: 'USD Coin', chainId: '0x2105', verifyingContract: USDC.toLowerCase() })),
    ).toEqual({
      name: 'USD Coin',
      chainId: 8453,
      verifyingContract: USDC,
    });
  });

  it('says null for a domain without a chain, a name or a contract', () => {
    expect(parseDomain(data({ version: '1' }))).toEqual({
      name: null,
      chainId: null,
      verifyingContract: null,
    });
  });

  it('refuses values the declared type does not cover, which no signature would bind', () => {
    const declared = [{ name: 'name', type: 'string' }];
    expect(() => parseDomain(data({ name: 'X', chainId: 1 }, declared))).toThrow(
      /domain has values its EIP712Domain type does not declare \(chainId\)/,
    );
  });

  it('refuses a declared field without a value, and a chainId of another type', () => {
    const declared = [{ name: 'chainId', type: 'uint256' }];
    expect(() => parseDomain(data({}, declared))).toThrow(/domain\.chainId is missing/);
    expect(() => parseDomain(data({ chainId: 1 }, [{ name: 'chainId', type: 'uint64' }]))).toThrow(
      /chainId is declared as uint64, not uint256/,
    );
  });

  it('refuses chain ids no network has', () => {
    expect(() => parseDomain(data({ chainId: 0 }))).toThrow(/chainId 0 is not the id of any network/);
    expect(() => parseDomain(data({ chainId: (2n ** 64n).toString() }))).toThrow(/not the id of any network/);
    expect(() => parseDomain(data({ chainId: 'mainnet' }))).toThrow(/domain\.chainId .* not a whole number/);
  });
});
