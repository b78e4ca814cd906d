import { describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { encodeHlc, MAX_CLOCK_SKEW_MS } from '../../shared/sync/hlc';
import type { DeviceKeys } from '../../shared/sync/syncKeys';
import { MEMBER_FIELD, memberValue } from '../../shared/sync/roster';
import { ROSTER_COLLECTION, type SyncOp, type SyncValue } from '../../shared/sync/syncOps';
import type { SyncedCollection, SyncRecord } from './syncedCollections';
import { desktopMember } from './syncRoster';
import { groupWithLaptop, NOW, syncParts } from '../../../test/sync/syncParts';

const temp = useTempDatabase('sync-inbox-');
let remote: DeviceKeys;

function labels(write: SyncedCollection['write'] = () => undefined) {
  const collection = {
    name: 'labels' as const,
    snapshot: () => new Map<string, SyncRecord>(),
    write: vi.fn(write),
    announce: vi.fn(),
  };
  return collection;
}

async function setUp(collection = labels()) {
  const parts = syncParts(temp.db, [collection]);
  const group = await groupWithLaptop(parts);
  remote = group.laptop;
  return { ...parts, ...group, collection };
}

const op = (k: string, f: string, v: SyncValue, wall = NOW - 1000): SyncOp => ({
  c: 'labels',
  k,
  f,
  v,
  t: encodeHlc({ wall, counter: 0, device: remote.id }),
});

describe('SyncInbox', () => {
  it('writes what merged into the collection, remembers it as this desktop has it, and announces once', async () => {
    const { inbox, journal, collection, seal } = await setUp();
    await inbox.accept(
      seal(1, [op('b', 'name', 'Bee'), op('a', 'name', 'Ay'), op('a', 'note', 'n')]),
      'folder',
    );
    expect(collection.write.mock.calls).toEqual([
      ['a', { name: 'Ay', note: 'n' }],
      ['b', { name: 'Bee' }],
    ]);
    expect(collection.announce).toHaveBeenCalledTimes(1);
    expect(journal.local.all('labels').get('a')).toEqual({ name: 'Ay', note: 'n' });
    expect(journal.lastSync()).toEqual({ [remote.id]: NOW });
    expect(journal.blobs.from(remote.id, 0)).toHaveLength(1);
  });

  it('applies a blob it already accepted once only', async () => {
    const { inbox, collection, seal } = await setUp();
    const blob = seal(1, [op('a', 'name', 'Ay')]);
    await inbox.accept(blob, 'relay');
    await inbox.accept(blob, 'relay');
    expect(collection.write).toHaveBeenCalledTimes(1);
  });

  it('reports a blob that does not open, and one this desktop wrote is skipped', async () => {
    const { inbox, journal, problemTexts, identity } = await setUp();
    await inbox.accept(new Uint8Array(300), 'folder');
    expect(problemTexts()).toHaveLength(1);
    const [own] = journal.blobs.from(identity.device.id, 0);
    await inbox.accept(own ?? new Uint8Array(), 'folder');
    expect(problemTexts()).toHaveLength(1);
  });

  it('refuses a genuine blob found under the name of another, which stays missing', async () => {
    const { inbox, journal, collection, seal, problemTexts } = await setUp();
    const first = seal(1, [op('a', 'name', 'Ay')]);
    await inbox.accept(first, 'folder', { origin: remote.id, counter: 2 });
    expect(problemTexts()).toEqual([
      'A file in the sync folder does not hold the change from Laptop its name stands for: it was ignored.',
    ]);
    expect(collection.write).not.toHaveBeenCalled();
    expect(journal.ledger().known(remote.id)).toBe(0);
    await inbox.accept(first, 'folder', { origin: remote.id, counter: 1 });
    expect(collection.write).toHaveBeenCalledTimes(1);
  });

  it('ignores, and reports, a change stamped too far ahead, without asking for it again', async () => {
    const { inbox, journal, collection, seal, problemTexts } = await setUp();
    await inbox.accept(seal(1, [op('a', 'name', 'Ay', NOW + MAX_CLOCK_SKEW_MS + 60_000)]), 'folder');
    expect(collection.write).not.toHaveBeenCalled();
    expect(problemTexts()[0]).toMatch(/^A change from Laptop was ignored: /);
    expect(journal.ledger().toJSON()[remote.id]?.contiguous).toBe(1);
  });

  it('refuses a whole blob that rewrites another member’s roster entry, without asking for it again', async () => {
    const { inbox, journal, seal, problemTexts, identity, collection } = await setUp();
    const rewrite: SyncOp = {
      ...op(identity.device.id, MEMBER_FIELD, memberValue(desktopMember('Desk', remote))),
      c: ROSTER_COLLECTION,
    };
    await inbox.accept(seal(1, [op('a', 'name', 'Ay'), rewrite]), 'folder');
    expect(problemTexts()).toEqual([
      'A change from Laptop was refused: it would rewrite the entry of Desk, which only Desk may change.',
    ]);
    expect(collection.write).not.toHaveBeenCalled();
    expect(journal.fields.record('labels', 'a')).toBeNull();
    expect(journal.ledger().toJSON()[remote.id]?.contiguous).toBe(1);
  });

  it('leaves a record this desktop cannot use as it was, reported and not remembered', async () => {
    const collection = labels((key) => {
      if (key === 'bad') throw new Error('not a label');
    });
    const { inbox, journal, seal, problemTexts } = await setUp(collection);
    await inbox.accept(seal(1, [op('bad', 'name', 1), op('good', 'name', 'Ok')]), 'folder');
    expect(problemTexts()).toEqual(['A synced labels entry could not be used here: not a label']);
    expect([...journal.local.all('labels').keys()]).toEqual(['good']);
    expect(journal.fields.record('labels', 'bad')).toEqual({ name: 1 });
  });

  it('waits for a vault-backed write after the transaction, remembering it only once stored', async () => {
    const collection = labels((key) =>
      key === 'lost' ? Promise.reject(new Error('vault locked')) : Promise.resolve(),
    );
    const { inbox, journal, seal, problemTexts } = await setUp(collection);
    await inbox.accept(seal(1, [op('kept', 'name', 'K'), op('lost', 'name', 'L')]), 'relay');
    expect(problemTexts()).toEqual(['A synced labels entry could not be stored here: vault locked']);
    expect([...journal.local.all('labels').keys()]).toEqual(['kept']);
    expect(collection.announce).toHaveBeenCalledTimes(1);
  });

  it('merges but does not write a collection the user does not sync', async () => {
    const { inbox, journal, choice, collection, seal } = await setUp();
    choice.set({ labels: false });
    await inbox.accept(seal(1, [op('a', 'name', 'Ay')]), 'folder');
    expect(collection.write).not.toHaveBeenCalled();
    expect(collection.announce).not.toHaveBeenCalled();
    expect(journal.fields.record('labels', 'a')).toEqual({ name: 'Ay' });
  });
});
