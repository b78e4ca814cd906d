import { describe, expect, it } from 'vitest';
import { context, STRANGER } from '../../../../test/review/typedData/typedDataFixtures';
import type { TypedDataInput } from './typedDataValue';
import { reviewTypedData } from './reviewTypedData';

function authorization(
  message: Record<string, unknown>,
  target = 'address',
  domain: Record<string, unknown> = { name: 'Wallet upgrade', chainId: 1 },
): TypedDataInput {
  return {
    domain,
    types: {
      Authorization: [
        { name: 'chainId', type: 'uint256' },
        { name: target, type: 'address' },
        { name: 'nonce', type: 'uint64' },
      ],
    },
    primaryType: 'Authorization',
    message,
  };
}

describe('EIP-7702 authorization as typed data', () => {
  it('names the delegate and warns that it could move every asset', () => {
    const result = reviewTypedData(authorization({ chainId: 1, address: STRANGER, nonce: 7 }), context());
    expect(result.kind).toBe('eip7702-authorization');
    expect(result.delegate).toEqual({ address: STRANGER, name: null, source: 'none' });
    expect(result.summary).toBe('Let 0x3C44…93BC run as this account');
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'delegated-sender', severity: 'warning' }),
    ]);
    expect(result.findings[0]?.message).toMatch(/can then move every asset of this account/);
    expect(result.grants).toEqual([]);
  });

  it('reads a `delegate` field too, and says when chain 0 makes it valid everywhere', () => {
    const result = reviewTypedData(
      authorization({ chainId: 0, delegate: STRANGER, nonce: 0 }, 'delegate'),
      context(),
    );
    expect(result.summary).toBe('Let 0x3C44…93BC run as this account on every chain');
    expect(result.findings[0]?.message).toMatch(/valid on every chain/);
  });

  it('blocks an authorization for another chain than the active one', () => {
    const result = reviewTypedData(authorization({ chainId: 10, address: STRANGER, nonce: 0 }), context());
    expect(result.findings.map((finding) => finding.code)).toEqual(['chain-mismatch', 'delegated-sender']);
    expect(result.findings[0]?.fix).toEqual({ type: 'switch-chain', chainId: 10 });
  });

  it('reads the zero address as clearing the delegation, with no warning', () => {
    const zero = '0x0000000000000000000000000000000000000000';
    const result = reviewTypedData(authorization({ chainId: 1, address: zero, nonce: 1 }), context());
    expect(result.summary).toBe("Clear this account's EIP-7702 delegation");
    expect(result.findings).toEqual([]);
  });
});
