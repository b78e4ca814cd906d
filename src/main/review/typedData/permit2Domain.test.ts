import { describe, expect, it } from 'vitest';
import type { ChecksumAddress } from '../../store/address';
import { isPermit2Domain, PERMIT2_ADDRESS } from './permit2Domain';

describe('isPermit2Domain', () => {
  it('needs both the name and the canonical address', () => {
    expect(isPermit2Domain({ name: 'Permit2', chainId: 1, verifyingContract: PERMIT2_ADDRESS })).toBe(true);
    expect(isPermit2Domain({ name: 'Permit2', chainId: 1, verifyingContract: null })).toBe(false);
    const other = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as ChecksumAddress;
    expect(isPermit2Domain({ name: 'Permit2', chainId: 1, verifyingContract: other })).toBe(false);
    expect(isPermit2Domain({ name: 'permit2', chainId: 1, verifyingContract: PERMIT2_ADDRESS })).toBe(false);
  });
});
