import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { BlobLedger } from '../../shared/sync/blobLedger';
import { encodeHlc } from '../../shared/sync/hlc';
import { openBlob } from '../../shared/sync/syncBlob';
import { DELETED_FIELD, ROSTER_COLLECTION, type SyncOp } from '../../shared/sync/syncOps';
import { desktopMember } from './syncRoster';
import { NOW, syncParts } from '../../../test/sync/syncParts';

const temp = useTempDatabase('sync-journal-');
const OTHER = '00000000000000bb';

const setUp = () => syncParts(temp.db);

const theirs = (k: string, f: string, v: string, wall = NOW): SyncOp => ({
  c: 'labels',
  k,
  f,
  v,
  t: encodeHlc({ wall, counter: 0, device: OTHER }),
});

describe('SyncJournal', () => {
  it('commits nothing before there are keys, or when there is nothing to commit', async () => {
    const { keys, journal } = setUp();
    expect(() => journal.op('labels', 'k', 'name', 'x')).toThrow('no clock');
    journal.commit([theirs('k', 'name', 'x')]);
    await keys.create();
    journal.commit([]);
    expect(journal.counter()).toBe(0);
    expect(journal.blobs.after(0)).toEqual([]);
    expect(journal.fields.count()).toBe(0);
  });

  it('seals its own ops into numbered blobs of at most 200 ops, and merges them', async () => {
    const { keys, journal } = setUp();
    const identity = await keys.create();
    const ops = Array.from({ length: 450 }, (_, i) => journal.op('labels', `k${i}`, 'name', `L${i}`));
    journal.commit(ops);
    expect(journal.counter()).toBe(3);
    const stored = journal.blobs.after(0);
    expect(stored.map((row) => [row.origin, row.counter, row.epoch])).toEqual([
      [identity.device.id, 1, 1],
      [identity.device.id, 2, 1],
      [identity.device.id, 3, 1],
    ]);
    const opened = stored.map((row) => openBlob(identity.ring, () => identity.device.signPublic, row.bytes));
    expect(opened.map((blob) => blob.ops.length)).toEqual([200, 200, 50]);
    expect(opened.flatMap((blob) => blob.ops)).toEqual(ops);
    expect(journal.ledger().toJSON()[identity.device.id]?.contiguous).toBe(3);
    expect(journal.fields.record('labels', 'k449')).toEqual({ name: 'L449' });
  });

  it('records what it committed as how this desktop has each record, the roster aside', async () => {
    const { keys, journal } = setUp();
    const { device } = await keys.create();
    journal.commit([
      journal.op('labels', 'a', 'name', 'A'),
      journal.op('labels', 'b', 'name', 'B'),
      journal.memberOp(device.id, desktopMember('Desk', device)),
    ]);
    journal.commit([journal.op('labels', 'b', DELETED_FIELD, true)]);
    expect(journal.local.all('labels')).toEqual(new Map([['a', { name: 'A' }]]));
    expect(journal.local.all(ROSTER_COLLECTION).size).toBe(0);
  });

  it('stores another device’s blob with its ledger entry and when it arrived, answering the ops that won', async () => {
    const { keys, journal } = setUp();
    await keys.create();
    journal.commit([journal.op('labels', 'mine', 'name', 'newer')]);
    const ledger = journal.ledger();
    ledger.accept(OTHER, 1);
    const won = theirs('k', 'name', 'Theirs');
    const lost = theirs('mine', 'name', 'older', NOW - 1);
    const winners = journal.store(
      { origin: OTHER, counter: 1, epoch: 1, ops: [won, lost] },
      new Uint8Array([7]),
      ledger,
    );
    expect(winners).toEqual([won]);
    expect(journal.fields.record('labels', 'mine')).toEqual({ name: 'newer' });
    expect(journal.blobs.from(OTHER, 0).map((bytes) => [...bytes])).toEqual([[7]]);
    expect(journal.ledger().toJSON()).toEqual(ledger.toJSON());
    expect(journal.lastSync()).toEqual({ [OTHER]: NOW });
  });

  it('starts over from another group’s roster, with an empty log', async () => {
    const { keys, journal } = setUp();
    await keys.create();
    journal.commit([journal.op('labels', 'k', 'name', 'x')]);
    const roster: SyncOp = {
      c: ROSTER_COLLECTION,
      k: OTHER,
      f: 'member',
      v: '{}',
      t: theirs('k', 'f', 'v').t,
    };
    journal.startOver([roster]);
    expect(journal.counter()).toBe(0);
    expect(journal.ledger().toJSON()).toEqual(new BlobLedger({}).toJSON());
    expect(journal.blobs.after(0)).toEqual([]);
    expect(journal.local.all('labels').size).toBe(0);
    expect(journal.fields.count()).toBe(1);
    // Until a blob of the new group arrives, no device has synced yet (Settings → Sync reads this).
    expect(journal.lastSync()).toEqual({});
  });

  it('merges a removal a grant carried without writing a blob, and the same op in a blob later changes nothing', async () => {
    const { keys, journal } = setUp();
    await keys.create();
    const removal: SyncOp = {
      c: ROSTER_COLLECTION,
      k: OTHER,
      f: DELETED_FIELD,
      v: true,
      t: encodeHlc({ wall: NOW, counter: 0, device: '00000000000000cc' }),
    };
    journal.merge([removal]);
    expect(journal.fields.get(ROSTER_COLLECTION, OTHER, DELETED_FIELD)).toEqual({ v: true, t: removal.t });
    expect(journal.counter()).toBe(0);
    expect(
      journal.store(
        { origin: '00000000000000cc', counter: 1, epoch: 1, ops: [removal] },
        new Uint8Array(512),
        journal.ledger(),
      ),
    ).toEqual([]);
  });

  it('a transaction that throws leaves nothing of itself', async () => {
    const { keys, journal } = setUp();
    await keys.create();
    expect(() =>
      journal.transaction(() => {
        journal.commit([journal.op('labels', 'k', 'name', 'x')]);
        throw new Error('half-way');
      }),
    ).toThrow('half-way');
    expect(journal.counter()).toBe(0);
    expect(journal.fields.count()).toBe(0);
  });
});
