import { describe, expect, it } from 'vitest';
import { findChain } from '../../../shared/chains/registry';
import type { Chain } from '../../../shared/chains/chain';
import type { FeeEstimate } from '../fees/feeRules';
import { reviewFees } from './reviewFees';

const base = findChain(8453) as Chain;
const option = (tip: bigint) => ({ maxFeePerGas: 2_000_000_000n + tip, maxPriorityFeePerGas: tip });
const estimate = (l1: FeeEstimate['l1']): FeeEstimate => ({
  kind: 'eip1559',
  baseFee: 1_000_000_000n,
  options: { slow: option(1n), normal: option(2n), fast: option(3n) },
  gasLimit: 21_000n,
  l1,
});

describe('reviewFees', () => {
  it('counts an L1 data fee its oracle gave in every total, and says so', () => {
    const fees = reviewFees(
      base,
      estimate({ status: 'included', amount: 3_776_000_000_000n, message: null, detail: null }),
      option(2n),
      'normal',
    );
    expect(fees).toMatchObject({
      speed: 'normal',
      gasLimit: '21000',
      nativeSymbol: 'ETH',
      nativeDecimals: 18,
      l1: { status: 'included', amount: '3776000000000', message: null },
    });
    expect(BigInt(fees.chosen.max)).toBe((2_000_000_000n + 2n) * 21_000n + 3_776_000_000_000n);
    expect(fees.speeds.fast.maxPriorityFeePerGas).toBe('3');
  });

  it('leaves an unanswered L1 fee out of the totals, with the sentence the user reads', () => {
    const message = 'The L1 data fee could not be read.';
    const fees = reviewFees(
      base,
      estimate({ status: 'unavailable', amount: null, message, detail: 'refused eth_call' }),
      option(2n),
      'custom',
    );
    expect(fees.l1).toEqual({ status: 'unavailable', amount: null, message });
    expect(BigInt(fees.chosen.max)).toBe((2_000_000_000n + 2n) * 21_000n);
    // The node's own words stay in the log; the review carries only the sentence.
    expect(JSON.stringify(fees)).not.toContain('eth_call');
  });
});
