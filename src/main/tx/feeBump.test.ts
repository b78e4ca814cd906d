import { describe, expect, it } from 'vitest';
import type { ChecksumAddress } from '../store/address';
import { bumped, bumpFees } from './feeBump';

describe('fee bumps for replacement', () => {
  it('raise a fee by at least 10%, never short by rounding', () => {
    expect(bumped(100n)).toBe(111n);
    expect(bumped(1n)).toBeGreaterThanOrEqual(2n);
    for (const fee of [7n, 999n, 1_000_000_007n]) expect(bumped(fee) * 10n).toBeGreaterThanOrEqual(fee * 11n);
  });

  it('bump both EIP-1559 fees, or the legacy gas price, and keep everything else', () => {
    const base = {
      chainId: 1n,
      nonce: 4,
      to: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
      value: 1n,
      data: '0x',
      gasLimit: 21_000n,
    };
    expect(bumpFees({ ...base, type: 2, maxFeePerGas: 100n, maxPriorityFeePerGas: 10n })).toEqual({
      ...base,
      type: 2,
      maxFeePerGas: 111n,
      maxPriorityFeePerGas: 12n,
    });
    expect(bumpFees({ ...base, type: 0, gasPrice: 1000n })).toEqual({ ...base, type: 0, gasPrice: 1101n });
  });
});
