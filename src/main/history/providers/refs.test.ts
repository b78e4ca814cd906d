import { describe, expect, it } from 'vitest';
import type { RawTransaction } from '../rawTransaction';
import { mergeRefs } from './refs';

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

describe('mergeRefs', () => {
  it('keeps each hash once whatever its case, prefers a whole transaction, and sorts by block', () => {
    const full = { transactionIndex: 0 } as RawTransaction;
    expect(
      mergeRefs([
        [
          { hash: hash(10).toUpperCase().replace('0X', '0x'), blockNumber: 7 },
          { hash: hash(2), blockNumber: 3 },
        ],
        [{ hash: hash(10), blockNumber: 7, full }],
      ]),
    ).toEqual([
      { hash: hash(2), blockNumber: 3 },
      { hash: hash(10), blockNumber: 7, full },
    ]);
  });

  it('orders a block’s whole transactions by their index', () => {
    const at = (index: number) => ({
      hash: hash(index),
      blockNumber: 1,
      full: { transactionIndex: index } as RawTransaction,
    });
    expect(mergeRefs([[at(2), at(0)], [at(1)]]).map((ref) => ref.full?.transactionIndex)).toEqual([0, 1, 2]);
  });
});
