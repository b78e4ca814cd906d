import { describe, expect, it } from 'vitest';
import { BlobLedger, MAX_MISSING_LISTED, type LedgerState } from './blobLedger';

const A = '00000000000000aa';
const B = '00000000000000bb';

describe('BlobLedger', () => {
  it('accepts counters in order and reports repeats as duplicates', () => {
    const ledger = new BlobLedger();
    expect(ledger.accept(A, 1)).toBe('new');
    expect(ledger.accept(A, 2)).toBe('new');
    expect(ledger.accept(A, 2)).toBe('duplicate');
    expect(ledger.accept(A, 1)).toBe('duplicate');
    expect(ledger.toJSON()).toEqual({ [A]: { contiguous: 2, above: [], head: 0 } });
    expect(ledger.status(A)).toBe('ok');
  });

  it('tracks counters past a gap, lists the gap, and closes it when the blob arrives', () => {
    const ledger = new BlobLedger();
    ledger.accept(A, 1);
    expect(ledger.accept(A, 5)).toBe('new');
    expect(ledger.accept(A, 3)).toBe('new');
    expect(ledger.accept(A, 5)).toBe('duplicate');
    expect(ledger.missing(A)).toEqual([2, 4]);
    expect(ledger.status(A)).toBe('behind');
    ledger.accept(A, 2);
    expect(ledger.toJSON()[A]).toEqual({ contiguous: 3, above: [5], head: 0 });
    ledger.accept(A, 4);
    expect(ledger.toJSON()[A]).toEqual({ contiguous: 5, above: [], head: 0 });
    expect(ledger.missing(A)).toEqual([]);
    expect(ledger.status(A)).toBe('ok');
  });

  it('lists counters up to the head that never arrived: withheld or not yet delivered', () => {
    const ledger = new BlobLedger();
    ledger.accept(A, 1);
    expect(ledger.observeHead(A, 4)).toBe('ok');
    expect(ledger.missing(A)).toEqual([2, 3, 4]);
    expect(ledger.status(A)).toBe('behind');
    ledger.accept(A, 3);
    expect(ledger.missing(A)).toEqual([2, 4]);
    ledger.accept(A, 2);
    ledger.accept(A, 4);
    expect(ledger.status(A)).toBe('ok');
  });

  it('flags a head lower than one seen before as a rollback, until the head catches up again', () => {
    const ledger = new BlobLedger();
    for (const counter of [1, 2, 3]) ledger.accept(A, counter);
    expect(ledger.observeHead(A, 3)).toBe('ok');
    expect(ledger.observeHead(A, 2)).toBe('rolled_back');
    expect(ledger.status(A)).toBe('rolled_back');
    expect(ledger.toJSON()[A]?.head).toBe(3);
    expect(ledger.observeHead(A, 2)).toBe('rolled_back');
    // Sticky across a restart: the flag is part of the saved state.
    const restored = new BlobLedger(JSON.parse(JSON.stringify(ledger)) as LedgerState);
    expect(restored.status(A)).toBe('rolled_back');
    expect(restored.observeHead(A, 3)).toBe('ok');
    expect(restored.status(A)).toBe('ok');
    expect(restored.toJSON()[A]).toEqual({ contiguous: 3, above: [], head: 3 });
  });

  it('recovers from a rollback to a newer head, then reports what is missing', () => {
    const ledger = new BlobLedger();
    ledger.accept(A, 1);
    ledger.observeHead(A, 2);
    ledger.observeHead(A, 1);
    expect(ledger.status(A)).toBe('rolled_back');
    expect(ledger.observeHead(A, 4)).toBe('ok');
    expect(ledger.status(A)).toBe('behind');
    expect(ledger.missing(A)).toEqual([2, 3, 4]);
  });

  it('keeps origins apart and lists them', () => {
    const ledger = new BlobLedger();
    ledger.accept(B, 2);
    ledger.accept(A, 1);
    expect(ledger.origins()).toEqual([A, B]);
    expect(ledger.status(A)).toBe('ok');
    expect(ledger.missing(B)).toEqual([1]);
    expect(ledger.status('0000000000000000')).toBe('ok');
    expect(ledger.missing('0000000000000000')).toEqual([]);
  });

  it('round-trips through its saved state without sharing it', () => {
    const state: LedgerState = { [A]: { contiguous: 2, above: [4], head: 5 } };
    const ledger = new BlobLedger(state);
    ledger.accept(A, 6);
    expect(state[A]?.above).toEqual([4]);
    const saved = ledger.toJSON();
    saved[A]?.above.push(99);
    expect(ledger.toJSON()).toEqual({ [A]: { contiguous: 2, above: [4, 6], head: 5 } });
    expect(new BlobLedger(ledger.toJSON()).missing(A)).toEqual([3, 5]);
  });

  it('caps the missing list when a head is absurdly high, and still reports behind', () => {
    const ledger = new BlobLedger();
    ledger.observeHead(A, Number.MAX_SAFE_INTEGER);
    expect(ledger.missing(A)).toHaveLength(MAX_MISSING_LISTED);
    expect(ledger.status(A)).toBe('behind');
  });

  it('rejects counters that are not blob counters', () => {
    const ledger = new BlobLedger();
    expect(() => ledger.accept(A, 0)).toThrow(RangeError);
    expect(() => ledger.accept(A, 1.5)).toThrow(RangeError);
    expect(() => ledger.observeHead(A, -1)).toThrow(RangeError);
    expect(ledger.observeHead(A, 0)).toBe('ok');
  });
});
