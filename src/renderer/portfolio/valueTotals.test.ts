import { describe, expect, it } from 'vitest';
import type { HoldingValueView, HoldingView } from '../../shared/portfolio';
import { leftOutCount, valueTotal } from './valueTotals';

const ALICE = '0x1111111111111111111111111111111111111111';
const holding = (amount: string | null): HoldingView => ({
  chainId: 1,
  account: ALICE,
  token: 'native',
  amount,
  blockNumber: amount === null ? null : 1,
  available: amount !== null,
});
const priced = (value: string): HoldingValueView => ({
  chainId: 1,
  account: ALICE,
  token: 'native',
  state: 'priced',
  value,
  unitPrice: '1',
  sources: [],
  reason: null,
});

/** Each holding's value, in order; `undefined` where main sent none. */
const total = (entries: [HoldingView, HoldingValueView | undefined][]) => {
  const values = new Map(entries);
  return valueTotal(
    entries.map(([held]) => held),
    (held) => values.get(held),
  );
};

describe('valueTotal', () => {
  it('sums priced values exactly', () => {
    const sum = total([
      [holding('1'), priced('0.1')],
      [holding('2'), priced('0.2')],
    ]);
    expect(sum.sum).toBe('0.3');
    expect(sum.priced).toHaveLength(2);
    expect(leftOutCount(sum)).toBe(0);
  });

  it('leaves out a stale value, an unread balance and a missing value, counting each, never as 0', () => {
    const stale = { ...priced('5'), state: 'stale' as const, value: null, reason: 'old' };
    const sum = total([
      [holding('1'), stale],
      [holding(null), undefined],
      [holding('3'), undefined],
    ]);
    expect(sum.sum).toBe('0');
    expect(sum.unpriced.map((value) => value.state)).toEqual(['stale', 'no-price']);
    expect(sum.unread).toBe(1);
    expect(leftOutCount(sum)).toBe(3);
  });

  it('ignores a zero balance, whose worth does not depend on its price', () => {
    expect(total([[holding('0'), undefined]])).toEqual({ sum: '0', priced: [], unpriced: [], unread: 0 });
  });
});
