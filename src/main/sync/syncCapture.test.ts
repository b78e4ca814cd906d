import { describe, expect, it } from 'vitest';
import { DELETED_FIELD, type SyncCollection, type SyncValue } from '../../shared/sync/syncOps';
import { captureChanges } from './syncCapture';
import type { SyncedCollection, SyncRecord } from './syncedCollections';

function collection(name: SyncedCollection['name'], records: [string, SyncRecord][]): SyncedCollection {
  return {
    name,
    snapshot: async () => new Map(records),
    write: () => undefined,
    announce: () => undefined,
  };
}

/** Ops as [collection, key, field, value], stamped in order. */
async function capture(
  collections: SyncedCollection[],
  before: Partial<Record<SyncCollection, [string, SyncRecord][]>>,
  deleted: string[] = [],
) {
  let stamps = 0;
  const ops = await captureChanges(collections, {
    local: { all: (name) => new Map(before[name as SyncCollection] ?? []) },
    fields: {
      get: (c, k, f) =>
        f === DELETED_FIELD && deleted.includes(`${c}/${k}`) ? { v: true, t: 'stamp' } : undefined,
    },
    op: (c, k, f, v) => ({ c, k, f, v, t: `t${(stamps += 1)}` }),
  });
  expect(ops.map((op) => op.t)).toEqual(ops.map((_, i) => `t${i + 1}`));
  return ops.map(({ c, k, f, v }): [string, string, string, SyncValue] => [c, k, f, v]);
}

describe('captureChanges', () => {
  it('turns every field of a new record into an op', async () => {
    expect(await capture([collection('labels', [['a', { name: 'Cold', note: '' }]])], {})).toEqual([
      ['labels', 'a', 'name', 'Cold'],
      ['labels', 'a', 'note', ''],
    ]);
  });

  it('answers nothing for records as they were, whatever the key order', async () => {
    const labels = collection('labels', [['a', { note: 'n', name: 'Cold' }]]);
    expect(await capture([labels], { labels: [['a', { name: 'Cold', note: 'n' }]] })).toEqual([]);
  });

  it('answers only the fields that changed, and null for a field that is gone', async () => {
    const tokens = collection('tokens', [['1/0xT', { symbol: 'T', hidden: true, list: [1, 2] }]]);
    const before: [string, SyncRecord][] = [
      ['1/0xT', { symbol: 'T', hidden: false, list: [1], decimals: 6 }],
    ];
    expect(await capture([tokens], { tokens: before })).toEqual([
      ['tokens', '1/0xT', 'hidden', true],
      ['tokens', '1/0xT', 'list', [1, 2]],
      ['tokens', '1/0xT', 'decimals', null],
    ]);
  });

  it('marks a record gone here as deleted, and one added back as no longer deleted', async () => {
    const labels = collection('labels', [['back', { name: 'Back' }]]);
    const before: [string, SyncRecord][] = [['gone', { name: 'Gone' }]];
    expect(await capture([labels], { labels: before }, ['labels/back'])).toEqual([
      ['labels', 'back', DELETED_FIELD, false],
      ['labels', 'back', 'name', 'Back'],
      ['labels', 'gone', DELETED_FIELD, true],
    ]);
  });

  it('goes through the collections in the order given, each against its own baseline', async () => {
    const ops = await capture(
      [collection('addressBook', [['k', { name: 'Contact' }]]), collection('labels', [['k', { name: 'L' }]])],
      { labels: [['k', { name: 'L' }]] },
    );
    expect(ops).toEqual([['addressBook', 'k', 'name', 'Contact']]);
  });
});
