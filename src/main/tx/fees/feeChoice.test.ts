import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { customOption, draftOf, feeOption } from './feeChoice';
import type { FeeEstimate } from './feeRules';
import { L1_NOT_CHARGED } from './l1Fee';

const GWEI = 10n ** 9n;
const eip1559: FeeEstimate = {
  kind: 'eip1559',
  baseFee: 10n * GWEI,
  options: {
    slow: { maxFeePerGas: 21n * GWEI, maxPriorityFeePerGas: GWEI },
    normal: { maxFeePerGas: 22n * GWEI, maxPriorityFeePerGas: 2n * GWEI },
    fast: { maxFeePerGas: 23n * GWEI, maxPriorityFeePerGas: 3n * GWEI },
  },
  gasLimit: 21_000n,
  l1: L1_NOT_CHARGED,
};
const legacy: FeeEstimate = {
  kind: 'legacy',
  options: { slow: { gasPrice: GWEI }, normal: { gasPrice: 2n * GWEI }, fast: { gasPrice: 3n * GWEI } },
  gasLimit: 21_000n,
  l1: { status: 'included', amount: 5n, message: null, detail: null },
};
const call = { to: toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8'), value: 7n, data: '0x' };

describe('draftOf', () => {
  it('makes an EIP-1559 transaction from a cap and tip, and a legacy one from a gas price', () => {
    expect(draftOf(10, call, eip1559, eip1559.options.normal)).toEqual({
      chainId: 10n,
      ...call,
      gasLimit: 21_000n,
      type: 2,
      maxFeePerGas: 22n * GWEI,
      maxPriorityFeePerGas: 2n * GWEI,
    });
    expect(draftOf(56, call, legacy, legacy.options.fast)).toEqual({
      chainId: 56n,
      ...call,
      gasLimit: 21_000n,
      type: 0,
      gasPrice: 3n * GWEI,
    });
  });
});

describe('feeOption', () => {
  it('shows the fees in base units with the likely and the most it costs', () => {
    expect(feeOption(eip1559, eip1559.options.normal)).toEqual({
      maxFeePerGas: (22n * GWEI).toString(),
      maxPriorityFeePerGas: (2n * GWEI).toString(),
      gasPrice: null,
      likely: (12n * GWEI * 21_000n).toString(),
      max: (22n * GWEI * 21_000n).toString(),
    });
    expect(feeOption(legacy, legacy.options.slow)).toMatchObject({
      gasPrice: GWEI.toString(),
      maxFeePerGas: null,
      likely: (GWEI * 21_000n + 5n).toString(),
    });
  });
});

describe('customOption', () => {
  it('reads the user’s gwei, with the normal tip when none is given', () => {
    expect(customOption(eip1559, { maxFeeGwei: '30' })).toEqual({
      maxFeePerGas: 30n * GWEI,
      maxPriorityFeePerGas: 2n * GWEI,
    });
    expect(customOption(eip1559, { maxFeeGwei: '30', priorityFeeGwei: '1.5' })).toEqual({
      maxFeePerGas: 30n * GWEI,
      maxPriorityFeePerGas: 1_500_000_000n,
    });
    expect(customOption(legacy, { maxFeeGwei: '4' })).toEqual({ gasPrice: 4n * GWEI });
  });

  it('refuses a missing or zero fee, and a tip above the cap', () => {
    expect(() => customOption(eip1559, undefined)).toThrow(/needs a max fee/);
    expect(() => customOption(eip1559, { maxFeeGwei: '0' })).toThrow(/never be mined/);
    expect(() => customOption(eip1559, { maxFeeGwei: '1', priorityFeeGwei: '2' })).toThrow(
      /above the max fee/,
    );
  });
});
