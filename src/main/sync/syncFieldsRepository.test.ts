import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { applyOps } from '../../shared/sync/fieldStore';
import { encodeHlc } from '../../shared/sync/hlc';
import { DELETED_FIELD, type SyncOp, type SyncValue } from '../../shared/sync/syncOps';
import { SyncFieldsRepository } from './syncFieldsRepository';

const A = '00000000000000aa';
const B = '00000000000000bb';
const stamp = (wall: number, counter = 0, device = A) => encodeHlc({ wall, counter, device });
const op = (k: string, f: string, v: SyncValue, t: string, c: SyncOp['c'] = 'labels'): SyncOp => ({
  c,
  k,
  f,
  v,
  t,
});

const temp = useTempDatabase('sync-fields-');

describe('SyncFieldsRepository', () => {
  it('round-trips every kind of JSON value a field holds, and survives a restart', () => {
    const values: SyncValue[] = [
      'Cold storage',
      '',
      0,
      -1.5,
      42,
      true,
      false,
      null,
      [1, 10, 8453],
      ['a', null, true],
      [],
    ];
    let fields = new SyncFieldsRepository(temp.db);
    values.forEach((value, i) => fields.put(op('k', `f${i}`, value, stamp(i + 1))));
    for (const [i, value] of values.entries()) {
      expect(fields.get('labels', 'k', `f${i}`)).toEqual({ v: value, t: stamp(i + 1) });
    }
    fields = new SyncFieldsRepository(temp.reopen());
    expect(fields.get('labels', 'k', 'f8')).toEqual({ v: [1, 10, 8453], t: stamp(9) });
    expect(fields.count()).toBe(values.length);
  });

  it('answers undefined for a field never written, in any collection or record', () => {
    const fields = new SyncFieldsRepository(temp.db);
    fields.put(op('k', 'name', 'x', stamp(1)));
    expect(fields.get('labels', 'k', 'note')).toBeUndefined();
    expect(fields.get('labels', 'other', 'name')).toBeUndefined();
    expect(fields.get('addressBook', 'k', 'name')).toBeUndefined();
    expect(fields.count()).toBe(1);
  });

  it('put replaces a field in place: one row per collection, key and field', () => {
    const fields = new SyncFieldsRepository(temp.db);
    fields.put(op('k', 'name', 'old', stamp(1)));
    fields.put(op('k', 'name', 'new', stamp(2)));
    expect(fields.get('labels', 'k', 'name')).toEqual({ v: 'new', t: stamp(2) });
    expect(fields.count()).toBe(1);
  });

  it('collection() groups one collection by key with each field and stamp, deleted records included', () => {
    const fields = new SyncFieldsRepository(temp.db);
    fields.put(op('b', 'name', 'Bee', stamp(2)));
    fields.put(op('a', 'name', 'Ay', stamp(1)));
    fields.put(op('a', 'note', '', stamp(3)));
    fields.put(op('b', DELETED_FIELD, true, stamp(4)));
    fields.put(op('a', 'name', 'Contact', stamp(5), 'addressBook'));

    const labels = fields.collection('labels');
    expect([...labels.keys()]).toEqual(['a', 'b']);
    expect(Object.fromEntries(labels.get('a') ?? [])).toEqual({
      name: { v: 'Ay', t: stamp(1) },
      note: { v: '', t: stamp(3) },
    });
    expect(Object.fromEntries(labels.get('b') ?? [])).toEqual({
      name: { v: 'Bee', t: stamp(2) },
      [DELETED_FIELD]: { v: true, t: stamp(4) },
    });
    expect([...fields.collection('addressBook').keys()]).toEqual(['a']);
    expect(fields.collection('tokens').size).toBe(0);
  });

  it('record() gives the live fields without $deleted, and null for a deleted or absent record', () => {
    const fields = new SyncFieldsRepository(temp.db);
    fields.put(op('k', 'name', 'Vault', stamp(1)));
    fields.put(op('k', 'note', 'cold', stamp(2)));
    expect(fields.record('labels', 'k')).toEqual({ name: 'Vault', note: 'cold' });

    fields.put(op('k', DELETED_FIELD, true, stamp(3)));
    expect(fields.record('labels', 'k')).toBeNull();

    // Writing false brings the record back, with the fields it had.
    fields.put(op('k', DELETED_FIELD, false, stamp(4)));
    expect(fields.record('labels', 'k')).toEqual({ name: 'Vault', note: 'cold' });
    expect(fields.record('labels', 'absent')).toBeNull();
    expect(fields.record('addressBook', 'k')).toBeNull();
  });

  it('is the field store of applyOps: the later stamp wins, an older or equal stamp changes nothing', () => {
    const fields = new SyncFieldsRepository(temp.db);
    const first = op('k', 'name', 'first', stamp(10, 0, A));
    expect(applyOps(fields, [first])).toEqual([first]);

    const older = op('k', 'name', 'older', stamp(9, 99, B));
    const sameStamp = op('k', 'name', 'same stamp, other value', first.t);
    expect(applyOps(fields, [older, sameStamp, first])).toEqual([]);
    expect(fields.get('labels', 'k', 'name')).toEqual({ v: 'first', t: first.t });

    // On an equal wall and counter, the device id breaks the tie.
    const tie = op('k', 'name', 'from B', stamp(10, 0, B));
    const later = op('k', 'note', 'n', stamp(11));
    expect(applyOps(fields, [tie, later])).toEqual([tie, later]);
    expect(fields.record('labels', 'k')).toEqual({ name: 'from B', note: 'n' });
  });

  it('a rename concurrent with a delete does not resurrect the record, in either order', () => {
    const ops = [
      op('k', 'name', 'x', stamp(1)),
      op('k', DELETED_FIELD, true, stamp(3)),
      op('k', 'name', 'y', stamp(2, 0, B)),
    ];
    const forward = new SyncFieldsRepository(temp.db);
    applyOps(forward, ops);
    expect(forward.record('labels', 'k')).toBeNull();
    applyOps(forward, ops.toReversed());
    expect(forward.get('labels', 'k', 'name')).toEqual({ v: 'y', t: stamp(2, 0, B) });
    expect(forward.count()).toBe(2);
  });

  it('latestStamp() is the greatest stamp of any collection or device, and null when nothing is stored', () => {
    const fields = new SyncFieldsRepository(temp.db);
    expect(fields.latestStamp()).toBeNull();
    fields.put(op('k', 'name', 'x', stamp(5, 0, B)));
    fields.put(op('k', 'name', 'y', stamp(3)));
    fields.put(op('j', 'name', 'z', stamp(5, 1), 'addressBook'));
    fields.put(op('i', 'note', '', stamp(4, 7)));
    expect(fields.latestStamp()).toBe(stamp(5, 1));
  });

  it('clear() empties every collection', () => {
    const fields = new SyncFieldsRepository(temp.db);
    fields.put(op('k', 'name', 'x', stamp(1)));
    fields.put(op('k', 'name', 'x', stamp(2), 'devices'));
    fields.clear();
    expect(fields.count()).toBe(0);
    expect(fields.latestStamp()).toBeNull();
  });
});
