import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { ApiError } from '../../shared/api/envelope';
import { encodeHlc } from '../../shared/sync/hlc';
import { blobName } from '../../shared/sync/syncBlob';
import { derivedKeys, newDeviceKeys, newEpochKey } from '../../shared/sync/syncKeys';
import type { SyncOp } from '../../shared/sync/syncOps';
import { currentEpoch } from './syncIdentity';
import { SyncFolderTransport } from './syncFolderTransport';
import { openGrant } from './syncGrants';
import { desktopMember } from './syncRoster';
import { groupWithLaptop, NOW, syncParts } from '../../../test/sync/syncParts';

const temp = useTempDatabase('sync-transport-');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-transport-folder-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const parts = syncParts(temp.db);
  return { ...parts, transport: new SyncFolderTransport(parts) };
}

/** This desktop in a folder with the laptop, whose blobs the test puts there (or holds back) by counter. */
async function withLaptopBlobs() {
  const parts = setUp();
  const group = await groupWithLaptop(parts);
  const nameKey = derivedKeys(currentEpoch(group.identity.ring)).name;
  const file = (counter: number) => join(dir, `${blobName(nameKey, group.laptop.id, counter)}.llsync`);
  const labelOp = (counter: number): SyncOp => ({
    c: 'labels',
    k: `k${counter}`,
    f: 'name',
    v: `Label ${counter}`,
    t: encodeHlc({ wall: NOW - 1000, counter, device: group.laptop.id }),
  });
  const put = (...counters: number[]) => {
    for (const counter of counters) writeFileSync(file(counter), group.seal(counter, [labelOp(counter)]));
  };
  await parts.transport.use(dir);
  const laptopState = () => parts.journal.ledger().status(group.laptop.id);
  const labels = () => [...parts.journal.fields.collection('labels').keys()].toSorted();
  const sync = () => parts.transport.sync(group.identity);
  return { ...parts, ...group, file, put, laptopState, labels, sync };
}

describe('SyncFolderTransport', () => {
  it('shows a chosen folder that cannot be opened as an error, and uses none', async () => {
    const { transport } = setUp();
    await transport.use(dir);
    rmSync(dir, { recursive: true });
    const restarted = setUp().transport;
    await restarted.open();
    expect(restarted.current).toBeNull();
    expect(restarted.view()).toEqual({ path: dir, lastSyncAt: null, error: `There is no folder at ${dir}.` });
    expect(() => restarted.require('Choose a folder first.')).toThrow(
      new ApiError('invalid_state', 'Choose a folder first.'),
    );
  });

  it('refuses a folder that cannot be used without changing the one in use; null uses none', async () => {
    const { transport } = setUp();
    await transport.use(dir);
    await expect(transport.use(join(dir, 'missing'))).rejects.toBeInstanceOf(ApiError);
    expect(transport.require('needed').path).toBe(dir);
    await transport.use(null);
    expect(transport.current).toBeNull();
    expect(transport.view().path).toBeNull();
  });

  it('writes this desktop’s blobs once, nothing else, and notes when it synced', async () => {
    const parts = setUp();
    const { transport, journal } = parts;
    const { identity } = await groupWithLaptop(parts);
    journal.commit([journal.op('labels', 'k', 'name', 'x')]);
    await transport.use(dir);
    await transport.sync(identity);
    const written = readdirSync(dir).toSorted();
    // The roster blob and the label's: one file per change, no head.
    expect(written).toHaveLength(2);
    expect(transport.view()).toMatchObject({ lastSyncAt: NOW, error: null });
    await transport.sync(identity);
    expect(readdirSync(dir).toSorted()).toEqual(written);
  });

  it('shows a folder that fails during a sync as an error, without throwing', async () => {
    const parts = setUp();
    const { identity } = await groupWithLaptop(parts);
    await parts.transport.use(dir);
    rmSync(dir, { recursive: true });
    await parts.transport.sync(identity);
    expect(parts.transport.view().error).toMatch(`The sync folder ${dir} could not be used: `);
  });

  it('grants a new key with its removal to each recipient through the folder, which only that device opens', async () => {
    const parts = setUp();
    const { identity, laptop } = await groupWithLaptop(parts);
    const gone = newDeviceKeys();
    parts.journal.commit([parts.journal.memberOp(gone.id, desktopMember('Gone', gone))]);
    const epoch = newEpochKey(identity.ring);
    const removal = { removed: gone.id, t: parts.keys.stamp() };
    const others = parts.roster.others(identity.device.id).filter((member) => member.id === laptop.id);
    await parts.transport.grant(epoch, identity.device, removal, others);
    expect(readdirSync(dir)).toEqual([]);
    await parts.transport.use(dir);
    await parts.transport.grant(epoch, identity.device, removal, others);
    const [file] = readdirSync(dir);
    const sealed = await parts.transport.require('').read(file?.split('.')[0] ?? '');
    const signer = { id: identity.device.id, signPublic: identity.device.signPublic };
    expect(openGrant(laptop, sealed ?? new Uint8Array(), 2, signer, () => true)).toMatchObject({
      key: epoch,
      removal: { k: gone.id, f: '$deleted', v: true, t: removal.t },
    });
  });

  it('finds a device’s blobs in one listing, in order, and without a head', async () => {
    const { put, sync, labels, laptopState, journal, laptop } = await withLaptopBlobs();
    put(1, 2, 3);
    await sync();
    expect(labels()).toEqual(['k1', 'k2', 'k3']);
    expect(laptopState()).toBe('ok');
    put(4);
    await sync();
    expect(labels()).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(journal.ledger().known(laptop.id)).toBe(4);
  });

  it('takes a blob past a withheld one, shows the device behind, and fills the gap when it arrives', async () => {
    const { put, sync, labels, laptopState, journal, laptop } = await withLaptopBlobs();
    put(1, 2);
    await sync();
    put(5);
    await sync();
    expect(labels()).toEqual(['k1', 'k2', 'k5']);
    expect(laptopState()).toBe('behind');
    expect(journal.ledger().missing(laptop.id)).toEqual([3, 4]);
    put(3, 4);
    await sync();
    expect(labels()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(laptopState()).toBe('ok');
  });

  it('shows a device behind when the file under its newest blob’s name does not open', async () => {
    const { put, sync, file, laptopState, problemTexts } = await withLaptopBlobs();
    put(1);
    const garbled = new Uint8Array(512);
    garbled[0] = 1;
    writeFileSync(file(2), garbled);
    await sync();
    expect(laptopState()).toBe('behind');
    expect(problemTexts()[0]).toMatch(/could not be decrypted/);
  });

  it('detects newest blobs deleted from the folder as a rollback, until a newer blob of that device appears', async () => {
    const { put, sync, file, laptopState, labels, problemTexts } = await withLaptopBlobs();
    put(1, 2, 3);
    await sync();
    rmSync(file(3));
    rmSync(file(2));
    await sync();
    expect(laptopState()).toBe('rolled_back');
    expect(problemTexts()).toEqual([
      'The sync folder served an older state of Laptop than one already seen here: it was rolled back.',
    ]);
    expect(labels()).toEqual(['k1', 'k2', 'k3']);
    // Still so at the next sync: the folder has not moved past what was seen.
    await sync();
    expect(laptopState()).toBe('rolled_back');
    put(4);
    await sync();
    expect(laptopState()).toBe('ok');
    expect(labels()).toEqual(['k1', 'k2', 'k3', 'k4']);
  });

  it('ignores a file it cannot place (as a head left by version 2 is), and starts over with a new folder', async () => {
    const { put, sync, laptopState, labels, problemTexts, transport } = await withLaptopBlobs();
    writeFileSync(join(dir, `${'ab'.repeat(16)}.llsync`), new Uint8Array(512));
    put(1);
    await sync();
    expect(labels()).toEqual(['k1']);
    expect(problemTexts()).toEqual([]);
    const other = mkdtempSync(join(tmpdir(), 'sync-transport-other-'));
    try {
      await transport.use(other);
      await sync();
      // The new folder starts without the laptop's blobs: not a rollback, and this desktop's are written there.
      expect(laptopState()).toBe('ok');
      expect(readdirSync(other).length).toBeGreaterThan(0);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
