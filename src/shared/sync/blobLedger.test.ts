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
    expect(ledger.toJSON()).toEqual({ [A]: { contiguous: 2, above: [], known: 2 } });
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
    expect(ledger.toJSON()[A]).toEqual({ contiguous: 3, above: [5], known: 5 });
    ledger.accept(A, 4);
    expect(ledger.toJSON()[A]).toEqual({ contiguous: 5, above: [], known: 5 });
    expect(ledger.missing(A)).toEqual([]);
    expect(ledger.status(A)).toBe('ok');
  });

  it('lists counters up to one known to exist that never arrived: withheld, unreadable or not yet delivered', () => {
    const ledger = new BlobLedger();
    ledger.accept(A, 1);
    ledger.exists(A, 4);
    ledger.exists(A, 2);
    expect(ledger.known(A)).toBe(4);
    expect(ledger.missing(A)).toEqual([2, 3, 4]);
    expect(ledger.status(A)).toBe('behind');
    ledger.accept(A, 3);
    expect(ledger.missing(A)).toEqual([2, 4]);
    ledger.accept(A, 2);
    ledger.accept(A, 4);
    expect(ledger.status(A)).toBe('ok');
  });

  it('shows a rollback a transport marked until it clears it, across a restart', () => {
    const ledger = new BlobLedger();
    for (const counter of [1, 2, 3]) ledger.accept(A, counter);
    ledger.setRolledBack(A, true);
    expect(ledger.status(A)).toBe('rolled_back');
    const restored = new BlobLedger(JSON.parse(JSON.stringify(ledger)) as LedgerState);
    expect(restored.status(A)).toBe('rolled_back');
    restored.setRolledBack(A, false);
    expect(restored.status(A)).toBe('ok');
    expect(restored.toJSON()[A]).toEqual({ contiguous: 3, above: [], known: 3 });
    // Behind wins once the rollback is cleared, if a blob is still missing.
    restored.exists(A, 5);
    restored.setRolledBack(A, true);
    restored.setRolledBack(A, false);
    expect(restored.status(A)).toBe('behind');
  });

  it('reads the state version 2 saved: the highest head seen counts as known to exist', () => {
    const ledger = new BlobLedger({
      [A]: { contiguous: 1, above: [3], head: 4 },
      [B]: { contiguous: 2, above: [], head: 0 },
    });
    expect(ledger.missing(A)).toEqual([2, 4]);
    expect(ledger.toJSON()).toEqual({
      [A]: { contiguous: 1, above: [3], known: 4 },
      [B]: { contiguous: 2, above: [], known: 2 },
    });
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
    const state: LedgerState = { [A]: { contiguous: 2, above: [4], known: 5 } };
    const ledger = new BlobLedger(state);
    ledger.accept(A, 6);
    expect(state[A]?.above).toEqual([4]);
    const saved = ledger.toJSON();
    saved[A]?.above.push(99);
    expect(ledger.toJSON()).toEqual({ [A]: { contiguous: 2, above: [4, 6], known: 6 } });
    expect(new BlobLedger(ledger.toJSON()).missing(A)).toEqual([3, 5]);
  });

  it('caps the missing list when a counter is absurdly high, and still reports behind', () => {
    const ledger = new BlobLedger();
    ledger.accept(A, Number.MAX_SAFE_INTEGER);
    expect(ledger.missing(A)).toHaveLength(MAX_MISSING_LISTED);
    expect(ledger.status(A)).toBe('behind');
  });

  it('rejects counters that are not blob counters', () => {
    const ledger = new BlobLedger();
    expect(() => ledger.accept(A, 0)).toThrow(RangeError);
    expect(() => ledger.accept(A, 1.5)).toThrow(RangeError);
    expect(() => ledger.exists(A, 0)).toThrow(RangeError);
    expect(() => ledger.exists(A, -1)).toThrow(RangeError);
    expect(ledger.known(A)).toBe(0);
  });
});
