import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { sealGrant } from '../../src/main/sync/syncGrants';
import { currentEpoch } from '../../src/main/sync/syncIdentity';
import { desktopMember } from '../../src/main/sync/syncRoster';
import { encodeHlc } from '../../src/shared/sync/hlc';
import { memberValue } from '../../src/shared/sync/roster';
import { blobName, openBlob, sealBlob } from '../../src/shared/sync/syncBlob';
import { SyncBlobError } from '../../src/shared/sync/syncBlobError';
import { derivedKeys, type EpochKey } from '../../src/shared/sync/syncKeys';
import { DELETED_FIELD, ROSTER_COLLECTION, type SyncOp } from '../../src/shared/sync/syncOps';
import { label, names, useFolderGroup } from './folderGroup';
import type { SyncedDesktop } from './syncHarness';

const { group, folder } = useFolderGroup();
const at = (name: string) => join(folder(), `${name}.llsync`);

/** A stamp a minute ahead, as a device in a hurry to win would write. */
const stampOf = (device: string) => encodeHlc({ wall: Date.now() + 60_000, counter: 0, device });

/**
 * A device that can still write to the folder seals its own key for a recipient as the given epoch, in the
 * grant format of the day, claiming to have removed `victim`.
 */
async function plantKey(
  attacker: SyncedDesktop,
  recipient: SyncedDesktop,
  epoch: number,
  victim: SyncedDesktop,
): Promise<EpochKey> {
  const planted = { epoch, key: randomBytes(32) };
  const { device } = await attacker.identity();
  const removal = { removed: (await victim.identity()).device.id, t: stampOf(device.id) };
  const { name, bytes } = sealGrant(planted, device, (await recipient.identity()).device.boxPublic, removal);
  writeFileSync(at(name), bytes);
  return planted;
}

/** A member writes ops of its own making as its next blob, straight into the folder. */
async function writeOps(member: SyncedDesktop, ops: (stamp: string) => SyncOp[]): Promise<void> {
  const { device, ring } = await member.identity();
  const counter = (await member.lastCounter()) + 1;
  const stamp = stampOf(device.id);
  const epoch = currentEpoch(ring);
  writeFileSync(
    at(blobName(derivedKeys(epoch).name, device.id, counter)),
    sealBlob(epoch, device, { kind: 'ops', counter, ops: ops(stamp) }),
  );
}

/** Whether the newest blob a desktop wrote (which must be in the folder) opens with these keys. */
async function canRead(keys: readonly EpochKey[], writer: SyncedDesktop): Promise<boolean> {
  const { device, ring } = await writer.identity();
  const name = blobName(derivedKeys(currentEpoch(ring)).name, device.id, await writer.lastCounter());
  const bytes = readFileSync(at(name));
  try {
    openBlob(keys, () => device.signPublic, bytes);
    return true;
  } catch (error) {
    if (error instanceof SyncBlobError && error.code === 'unreadable') return false;
    throw error;
  }
}

const problems = (desktop: SyncedDesktop) => desktop.view().problems.map((problem) => problem.message);

describe('membership attacks through a real sync folder', () => {
  it('a removed desktop cannot plant its own key as the epoch after its removal', async () => {
    const [studio, laptop, old] = await group('Studio', 'Laptop', 'Old laptop');
    await studio.sync.removeDevice((await old.identity()).device.id);
    const planted = await plantKey(old, laptop, 3, studio);
    await laptop.sync.syncNow();

    const ring = (await laptop.identity()).ring;
    expect(ring.map((entry) => entry.epoch)).toEqual([1, 2]);
    laptop.repositories.labels.set(label('After the removal', 'after'));
    await laptop.sync.syncNow();
    expect(await canRead([...(await old.identity()).ring, planted], laptop)).toBe(false);
    await studio.sync.syncNow();
    expect(names(studio)).toContain('After the removal');
    expect(problems(laptop)).toContainEqual(expect.stringMatching(/Old laptop.*removed/));
  });

  it('a removed desktop cannot replace the key of its own removal, and the user can settle the conflict', async () => {
    const [studio, laptop, old] = await group('Studio', 'Laptop', 'Old laptop');
    const oldId = (await old.identity()).device.id;
    await studio.sync.removeDevice(oldId);
    const planted = await plantKey(old, laptop, 2, studio);
    laptop.repositories.labels.set(label('Kept on the laptop', 'kept'));
    await laptop.sync.syncNow();

    const held = (await laptop.identity()).ring.map((entry) => bytesToHex(entry.key));
    expect(held).not.toContain(bytesToHex(planted.key));
    expect(problems(laptop)).toContainEqual(expect.stringMatching(/different new sync keys/));
    expect(names(laptop)).toEqual(['Kept on the laptop']);

    // The user removes the device they do not trust here: the studio's key is taken, and a new one made.
    await laptop.sync.removeDevice(oldId);
    laptop.repositories.labels.set(label('After settling', 'settled'));
    await laptop.sync.syncNow();
    await studio.sync.syncNow();
    expect(names(studio)).toEqual(['After settling', 'Kept on the laptop']);
    expect(await canRead([...(await old.identity()).ring, planted], laptop)).toBe(false);
    expect((await laptop.identity()).ring.map((entry) => entry.epoch)).toEqual([1, 2, 3]);
  });

  it('a member cannot rewrite another member’s entry or its keys', async () => {
    const [studio, laptop, mallory] = await group('Studio', 'Laptop', 'Mallory');
    const laptopId = (await laptop.identity()).device.id;
    const malloryKeys = (await mallory.identity()).device;
    await writeOps(mallory, (t) => [
      {
        c: ROSTER_COLLECTION,
        k: laptopId,
        f: 'member',
        v: memberValue(desktopMember('Laptop', malloryKeys)),
        t,
      },
    ]);
    await studio.sync.syncNow();
    expect(problems(studio)).toContainEqual(expect.stringMatching(/Mallory.*Laptop/));

    laptop.repositories.labels.set(label('Still from the laptop', 'laptop'));
    await laptop.sync.syncNow();
    await studio.sync.syncNow();
    expect(names(studio)).toEqual(['Still from the laptop']);
    expect(studio.view().devices.find((device) => device.name === 'Laptop')?.state).toBe('ok');
  });

  it('a member cannot undo a removal', async () => {
    const [studio, mallory, old] = await group('Studio', 'Mallory', 'Old laptop');
    const oldId = (await old.identity()).device.id;
    await studio.sync.removeDevice(oldId);
    await mallory.sync.syncNow();
    await writeOps(mallory, (t) => [{ c: ROSTER_COLLECTION, k: oldId, f: DELETED_FIELD, v: false, t }]);
    await studio.sync.syncNow();

    expect(
      studio
        .view()
        .devices.map((device) => device.name)
        .toSorted(),
    ).toEqual(['Mallory', 'Studio']);
    expect(problems(studio)).toContainEqual(expect.stringMatching(/Mallory.*removed/));

    // What the removed desktop writes next is still not taken.
    old.repositories.labels.set(label('From the removed laptop', 'removed'));
    await old.sync.syncNow();
    await studio.sync.syncNow();
    expect(names(studio)).toEqual([]);
  });
});
