import { describe, expect, it } from 'vitest';
import type { UnsignedTransaction } from '../../signers/signer';
import type { ChecksumAddress } from '../../store/address';
import { bumpFees } from '../feeBump';
import { capPerGas, replacedFees } from './replacedFees';

const common = {
  chainId: 1n,
  nonce: 3,
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as ChecksumAddress,
  value: 1n,
  data: '0x',
  gasLimit: 21_000n,
};
const eip1559: UnsignedTransaction = {
  ...common,
  type: 2,
  maxFeePerGas: 20_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
};
const legacy: UnsignedTransaction = { ...common, type: 0, gasPrice: 5_000_000_000n };
const original = { id: 7, hash: `0x${'ab'.repeat(32)}` };

describe('replacedFees', () => {
  it('puts the old and the new most-it-can-cost side by side, per gas and in total', () => {
    const bumped = bumpFees(eip1559);
    expect(replacedFees(original, eip1559, bumped)).toEqual({
      id: 7,
      hash: original.hash,
      oldMaxFeePerGas: '20000000000',
      newMaxFeePerGas: bumped.type === 2 ? bumped.maxFeePerGas.toString() : '',
      oldMaxFee: (20_000_000_000n * 21_000n).toString(),
      newMaxFee: (capPerGas(bumped) * 21_000n).toString(),
    });
  });

  it('prices a cancel at its own gas limit, and a legacy transaction by its gas price', () => {
    const cancel = { ...bumpFees(legacy), gasLimit: 21_000n, value: 0n };
    const fees = replacedFees(original, { ...legacy, gasLimit: 90_000n }, cancel);
    expect(fees.oldMaxFee).toBe((5_000_000_000n * 90_000n).toString());
    expect(BigInt(fees.newMaxFeePerGas)).toBeGreaterThan(5_000_000_000n);
    expect(BigInt(fees.newMaxFee)).toBe(BigInt(fees.newMaxFeePerGas) * 21_000n);
  });
});
