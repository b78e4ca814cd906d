import { describe, expect, it } from 'vitest';
import { deadlineOf, decoded, tokenAllowance } from './decoded';
import type { ChecksumAddress } from '../../store/address';

const A = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as ChecksumAddress;

describe('deadlineOf', () => {
  it('keeps real dates and reads the far future (uint256 max, uint48 max) as never', () => {
    expect(deadlineOf(1_800_000_000n)).toBe(1_800_000_000);
    expect(deadlineOf(253_402_300_799n)).toBe(253_402_300_799);
    expect(deadlineOf(253_402_300_800n)).toBeNull();
    expect(deadlineOf(2n ** 48n - 1n)).toBeNull();
    expect(deadlineOf(2n ** 256n - 1n)).toBeNull();
  });
});

describe('decoded', () => {
  it('starts with nothing granted, received or delegated, and fresh lists each time', () => {
    const first = decoded('permit2-single', {});
    expect(first).toEqual({
      kind: 'permit2-single',
      grants: [],
      consideration: [],
      delegation: null,
      deadline: null,
    });
    first.grants.push(tokenAllowance(A, 1n, A, null));
    expect(decoded('permit2-single', {}).grants).toEqual([]);
  });

  it('makes an ERC-20 allowance unlimited from 2^255 unless told otherwise', () => {
    expect(tokenAllowance(A, 1n, A, 5)).toMatchObject({
      asset: 'erc20',
      unlimitedAt: 2n ** 255n,
      expires: 5,
      recipient: null,
    });
    expect(tokenAllowance(A, 1n, A, 5, 7n).unlimitedAt).toBe(7n);
  });
});
