import { describe, expect, it } from 'vitest';
import type { ValuePointView } from '../../shared/portfolio';
import { holdingKey, shapeValueHistory, type ValueGrouping, type ValueNames } from './valueSeries';

const ALICE = '0x1111111111111111111111111111111111111111';
const BOB = '0x2222222222222222222222222222222222222222';
const point = (
  at: number,
  chainId: number,
  account: string,
  value: string,
  unpriced = 0,
): ValuePointView => ({
  at,
  chainId,
  account,
  value,
  unpriced,
});

const names = (present: [number, string][]): ValueNames => ({
  present: new Set(present.map(([chainId, account]) => holdingKey(chainId, account))),
  chainName: (chainId) => ({ 1: 'Ethereum', 10: 'OP Mainnet' })[chainId] ?? `Chain ${chainId}`,
  accountLabel: (account) => (account === ALICE ? 'Alice' : 'Bob'),
  order: (by: ValueGrouping, id) => (by === 'network' ? ['10', '1'] : [BOB, ALICE]).indexOf(id),
});
const EVERYONE = names([
  [1, ALICE],
  [1, BOB],
  [10, ALICE],
]);

describe('shapeValueHistory', () => {
  const points = [
    point(100, 1, ALICE, '1.5'),
    point(100, 1, BOB, '2', 1),
    point(200, 10, ALICE, '0.00000001'),
    point(300, 1, ALICE, '3.25'),
  ];

  it('sums accounts into one line per network, in the page’s order, carrying values between snapshots', () => {
    const data = shapeValueHistory(points, 'network', EVERYONE);
    expect(data.times).toEqual([100, 200, 300]);
    expect(data.series).toEqual([
      { key: '10', label: 'OP Mainnet', chainId: 10, values: [null, '0.00000001', '0.00000001'] },
      { key: '1', label: 'Ethereum', chainId: 1, values: ['3.5', '3.5', '5.25'] },
    ]);
    expect(data.totals).toEqual(['3.5', '3.50000001', '5.25000001']);
  });

  it('sums networks into one line per account', () => {
    const data = shapeValueHistory(points, 'account', EVERYONE);
    expect(data.series.map((s) => [s.label, s.chainId, s.values])).toEqual([
      ['Bob', null, ['2', '2', '2']],
      ['Alice', null, ['1.5', '1.50000001', '3.25000001']],
    ]);
  });

  it('counts what the latest values leave out, carried like the values', () => {
    expect(shapeValueHistory(points, 'network', EVERYONE).unpricedAtEnd).toBe(1);
  });

  it('ends the line of a pair no longer in the portfolio at its last snapshot', () => {
    const data = shapeValueHistory(points, 'account', names([[1, ALICE]]));
    expect(data.series.map((s) => s.values)).toEqual([
      ['2', null, null],
      ['1.5', '1.50000001', '3.25'],
    ]);
    expect(data.totals).toEqual(['3.5', '1.50000001', '3.25']);
    expect(data.unpricedAtEnd).toBe(0);
  });

  it('takes points in any order and gives nothing for no history', () => {
    const shuffled = shapeValueHistory([...points].reverse(), 'network', EVERYONE);
    expect(shuffled).toEqual(shapeValueHistory(points, 'network', EVERYONE));
    expect(shapeValueHistory([], 'network', EVERYONE)).toEqual({
      times: [],
      series: [],
      totals: [],
      unpricedAtEnd: 0,
    });
  });
});
