import { describe, expect, it } from 'vitest';
import type { FeeHistory } from '../../rpc/jsonRpc';
import { L1_NOT_CHARGED } from './l1Fee';
import {
  eip1559Options,
  type FeeEstimate,
  gasLimitFor,
  legacyOptions,
  nextBaseFee,
  totalCost,
} from './feeRules';

const GWEI = 1_000_000_000n;
const history = (rewards: bigint[][], gasUsedRatio: number[], baseFees?: bigint[]): FeeHistory => ({
  oldestBlock: 1n,
  ...(baseFees ? { baseFeePerGas: baseFees } : {}),
  gasUsedRatio,
  reward: rewards,
});

describe('eip1559Options', () => {
  it('takes the median of each percentile over blocks, and max fee = 2 × next base fee + tip', () => {
    const fees = history(
      [
        [1n, 2n, 30n],
        [3n, 5n, 9n],
        [2n, 4n, 8n],
      ],
      [0.5, 0.9, 0.1],
    );
    expect(eip1559Options(fees, 10n)).toEqual({
      slow: { maxPriorityFeePerGas: 2n, maxFeePerGas: 22n },
      normal: { maxPriorityFeePerGas: 4n, maxFeePerGas: 24n },
      fast: { maxPriorityFeePerGas: 9n, maxFeePerGas: 29n },
    });
  });

  it('ignores empty blocks, and takes the lower middle of an even count', () => {
    const fees = history(
      [
        [0n, 0n, 0n],
        [1n, 1n, 1n],
        [3n, 3n, 3n],
      ],
      [0, 0.2, 0.3],
    );
    expect(eip1559Options(fees, GWEI).normal).toEqual({
      maxPriorityFeePerGas: 1n,
      maxFeePerGas: 2n * GWEI + 1n,
    });
  });

  it('offers a zero tip when no recent block had a transaction', () => {
    expect(eip1559Options(history([[0n, 0n, 0n]], [0]), 7n).fast).toEqual({
      maxPriorityFeePerGas: 0n,
      maxFeePerGas: 14n,
    });
  });
});

describe('nextBaseFee', () => {
  it('is the last base fee, the one predicted for the next block', () => {
    expect(nextBaseFee(history([], [0.5], [5n, 6n]))).toBe(6n);
  });

  it('is null without base fees or with a zero one: the chain has no EIP-1559 market', () => {
    expect(nextBaseFee(history([], [0.5]))).toBeNull();
    expect(nextBaseFee(history([], [0.5], [0n, 0n]))).toBeNull();
  });
});

describe('legacyOptions', () => {
  it('takes the node price as normal, a tenth off for slow and a quarter on for fast', () => {
    expect(legacyOptions(100n)).toEqual({
      slow: { gasPrice: 90n },
      normal: { gasPrice: 100n },
      fast: { gasPrice: 125n },
    });
  });
});

describe('gasLimitFor', () => {
  it('keeps a plain transfer exact and adds a fifth, rounded up, to anything else', () => {
    expect(gasLimitFor(21_000n)).toBe(21_000n);
    expect(gasLimitFor(50_000n)).toBe(60_000n);
    expect(gasLimitFor(21_001n)).toBe(25_202n);
  });
});

describe('totalCost', () => {
  const eip1559: FeeEstimate = {
    kind: 'eip1559',
    baseFee: 10n,
    options: eip1559Options(history([], []), 10n),
    gasLimit: 100n,
    l1: { status: 'included', amount: 7n, message: null, detail: null },
  };

  it('counts the fee only: max at the max fee, likely at base fee + tip, both with the L1 fee', () => {
    expect(totalCost(eip1559, { maxFeePerGas: 25n, maxPriorityFeePerGas: 2n })).toEqual({
      likely: 12n * 100n + 7n,
      max: 25n * 100n + 7n,
    });
  });

  it('leaves an L1 fee the oracle did not answer out of both totals', () => {
    const unread: FeeEstimate = {
      ...eip1559,
      l1: { status: 'unavailable', amount: null, message: 'not read', detail: '0x' },
    };
    expect(totalCost(unread, { maxFeePerGas: 25n, maxPriorityFeePerGas: 2n })).toEqual({
      likely: 12n * 100n,
      max: 25n * 100n,
    });
  });

  it('caps the likely price at the max fee of a custom option', () => {
    expect(totalCost(eip1559, { maxFeePerGas: 11n, maxPriorityFeePerGas: 5n }).likely).toBe(11n * 100n + 7n);
  });

  it('refuses a tip above the max fee, and an option of the other kind', () => {
    expect(() => totalCost(eip1559, { maxFeePerGas: 1n, maxPriorityFeePerGas: 2n })).toThrow(/priority fee/);
    expect(() => totalCost(eip1559, { gasPrice: 1n })).toThrow(/EIP-1559/);
    const legacy: FeeEstimate = {
      kind: 'legacy',
      options: legacyOptions(5n),
      gasLimit: 10n,
      l1: L1_NOT_CHARGED,
    };
    expect(() => totalCost(legacy, { maxFeePerGas: 1n, maxPriorityFeePerGas: 1n })).toThrow(/gas price/);
  });

  it('prices a legacy transaction at its gas price either way', () => {
    const legacy: FeeEstimate = {
      kind: 'legacy',
      options: legacyOptions(5n),
      gasLimit: 10n,
      l1: L1_NOT_CHARGED,
    };
    expect(totalCost(legacy, { gasPrice: 5n })).toEqual({ likely: 50n, max: 50n });
  });
});
