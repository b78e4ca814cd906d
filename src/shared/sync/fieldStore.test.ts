import { describe, expect, it } from 'vitest';
import { applyOps, MemoryFieldStore, wins } from './fieldStore';
import { encodeHlc } from './hlc';
import { DELETED_FIELD, type SyncOp, type SyncValue } from './syncOps';

const A = '00000000000000aa';
const B = '00000000000000bb';
const stamp = (wall: number, counter = 0, device = A) => encodeHlc({ wall, counter, device });
const label = (k: string, f: string, v: SyncValue, t: string): SyncOp => ({ c: 'labels', k, f, v, t });

/** Every ordering of a small array. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('wins', () => {
  const op = label('x', 'name', 'new', stamp(10));

  it('lets a write into an empty field', () => {
    expect(wins(op, undefined)).toBe(true);
  });

  it('lets the later stamp win', () => {
    expect(wins(op, { v: 'old', t: stamp(9, 500) })).toBe(true);
    expect(wins(op, { v: 'newer', t: stamp(10, 1) })).toBe(false);
  });

  it('breaks a wall-and-counter tie by device', () => {
    expect(wins({ ...op, t: stamp(10, 0, B) }, { v: 'a', t: stamp(10, 0, A) })).toBe(true);
    expect(wins(op, { v: 'b', t: stamp(10, 0, B) })).toBe(false);
  });

  it('changes nothing on an equal stamp', () => {
    expect(wins(op, { v: 'new', t: op.t })).toBe(false);
  });
});

describe('applyOps', () => {
  it('returns the ops that changed the store, in application order', () => {
    const store = new MemoryFieldStore();
    const first = label('x', 'name', 'first', stamp(1));
    const stale = label('x', 'name', 'stale', stamp(0));
    const second = label('x', 'name', 'second', stamp(2));
    const other = label('y', 'name', 'other', stamp(0));
    expect(applyOps(store, [first, stale, other, second])).toEqual([first, other, second]);
    expect(store.get('labels', 'x', 'name')).toEqual({ v: 'second', t: stamp(2) });
  });

  it('is idempotent: applying the same ops again changes nothing', () => {
    const store = new MemoryFieldStore();
    const ops = [label('x', 'name', 'a', stamp(1)), label('x', 'note', 'b', stamp(2))];
    expect(applyOps(store, ops)).toHaveLength(2);
    const before = store.entries();
    expect(applyOps(store, ops)).toEqual([]);
    expect(applyOps(store, [...ops].reverse())).toEqual([]);
    expect(store.entries()).toEqual(before);
  });

  it('ends in the same store whatever the order', () => {
    const ops = [
      label('x', 'name', 'a', stamp(1)),
      label('x', 'name', 'b', stamp(1, 1)),
      label('x', 'name', 'c', stamp(1, 1, B)),
      label('x', DELETED_FIELD, true, stamp(2)),
      label('x', DELETED_FIELD, false, stamp(3, 0, B)),
    ];
    const results = permutations(ops).map((order) => {
      const store = new MemoryFieldStore();
      applyOps(store, order);
      return store.entries();
    });
    expect(results).toHaveLength(120);
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toEqual([
      label('x', DELETED_FIELD, false, stamp(3, 0, B)),
      label('x', 'name', 'c', stamp(1, 1, B)),
    ]);
  });

  it('works against any FieldStore', () => {
    const puts: SyncOp[] = [];
    const store = { get: () => ({ v: 'held', t: stamp(5) }), put: (op: SyncOp) => puts.push(op) };
    const late = label('x', 'name', 'late', stamp(6));
    expect(applyOps(store, [label('x', 'name', 'early', stamp(4)), late])).toEqual([late]);
    expect(puts).toEqual([late]);
  });
});

describe('MemoryFieldStore', () => {
  it('lists entries sorted by collection, key and field, whatever the insertion order', () => {
    const ops: SyncOp[] = [
      { c: 'tokens', k: 'b', f: 'symbol', v: 'USDC', t: stamp(1) },
      { c: 'labels', k: 'b', f: 'name', v: 'Bob', t: stamp(2) },
      { c: 'addressBook', k: 'a', f: 'name', v: 'Al', t: stamp(3) },
      { c: 'labels', k: 'a', f: 'note', v: null, t: stamp(4) },
      { c: 'labels', k: 'a', f: 'Name', v: 1, t: stamp(5) },
      { c: 'labels', k: 'B', f: 'name', v: ['x', 2], t: stamp(6) },
    ];
    const expected = [ops[2], ops[5], ops[4], ops[3], ops[1], ops[0]];
    for (const order of [ops, [...ops].reverse()]) {
      const store = new MemoryFieldStore();
      applyOps(store, order);
      expect(store.entries()).toEqual(expected);
    }
  });

  it('is empty to begin with', () => {
    const store = new MemoryFieldStore();
    expect(store.entries()).toEqual([]);
    expect(store.records('labels')).toEqual(new Map());
    expect(store.get('labels', 'x', 'name')).toBeUndefined();
  });

  it('shows live records with their fields, without the deletion marker', () => {
    const store = new MemoryFieldStore();
    applyOps(store, [
      label('x', 'name', 'Alice', stamp(1)),
      label('x', 'tags', ['a', 'b'], stamp(2)),
      label('x', DELETED_FIELD, false, stamp(3)),
      label('y', 'name', 'Bob', stamp(4)),
      { c: 'tokens', k: 'x', f: 'symbol', v: 'DAI', t: stamp(5) },
    ]);
    expect(store.records('labels')).toEqual(
      new Map([
        ['x', { name: 'Alice', tags: ['a', 'b'] }],
        ['y', { name: 'Bob' }],
      ]),
    );
    expect(store.records('tokens')).toEqual(new Map([['x', { symbol: 'DAI' }]]));
    expect(store.records('networks')).toEqual(new Map());
  });

  it('hides a deleted record, keeps its fields, and shows them again when revived', () => {
    const store = new MemoryFieldStore();
    applyOps(store, [label('x', 'name', 'Alice', stamp(1)), label('y', 'name', 'Bob', stamp(1))]);
    applyOps(store, [label('x', DELETED_FIELD, true, stamp(2))]);
    expect([...store.records('labels').keys()]).toEqual(['y']);
    // A concurrent edit to a deleted record lands, but stays hidden until the record comes back.
    applyOps(store, [label('x', 'note', 'later', stamp(3, 0, B))]);
    expect(store.records('labels').has('x')).toBe(false);
    applyOps(store, [label('x', DELETED_FIELD, false, stamp(4))]);
    expect(store.records('labels').get('x')).toEqual({ name: 'Alice', note: 'later' });
  });

  it('keeps a delete that lost to a later undelete from hiding the record', () => {
    const store = new MemoryFieldStore();
    applyOps(store, [
      label('x', 'name', 'Alice', stamp(1)),
      label('x', DELETED_FIELD, false, stamp(5, 0, B)),
      label('x', DELETED_FIELD, true, stamp(5, 0, A)),
    ]);
    expect(store.records('labels').get('x')).toEqual({ name: 'Alice' });
  });

  it('keeps a field named like an Object.prototype member as plain data', () => {
    const store = new MemoryFieldStore();
    applyOps(store, [label('x', 'constructor', 'c', stamp(1)), label('x', '__proto__', 'p', stamp(2))]);
    const record = store.records('labels').get('x') ?? {};
    expect(Object.keys(record).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });
});
