import { describe, expect, it } from 'vitest';
import type { HoldingValueView, HoldingView } from '../../shared/portfolio';
import { addValue, EMPTY_VALUE, leftOutCount } from './valueTotals';

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

describe('addValue', () => {
  it('sums priced values exactly', () => {
    const total = addValue(addValue(EMPTY_VALUE, holding('1'), priced('0.1')), holding('2'), priced('0.2'));
    expect(total.sum).toBe('0.3');
    expect(total.priced).toHaveLength(2);
    expect(leftOutCount(total)).toBe(0);
  });

  it('leaves out a stale value, an unread balance and a missing value, counting each, never as 0', () => {
    const stale = { ...priced('5'), state: 'stale' as const, value: null, reason: 'old' };
    let total = addValue(EMPTY_VALUE, holding('1'), stale);
    total = addValue(total, holding(null), undefined);
    total = addValue(total, holding('3'), undefined);
    expect(total.sum).toBe('0');
    expect(total.unpriced.map((value) => value.state)).toEqual(['stale', 'no-price']);
    expect(total.unread).toBe(1);
    expect(leftOutCount(total)).toBe(3);
  });

  it('ignores a zero balance, whose worth does not depend on its price', () => {
    expect(addValue(EMPTY_VALUE, holding('0'), undefined)).toEqual(EMPTY_VALUE);
  });
});
