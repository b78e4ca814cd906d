import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { ApiError } from '../../shared/api/envelope';
import { newDeviceKeys, newEpochKey } from '../../shared/sync/syncKeys';
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

  it('writes this desktop’s blobs and head once, and notes when it synced', async () => {
    const parts = setUp();
    const { transport, journal } = parts;
    const { identity } = await groupWithLaptop(parts);
    journal.commit([journal.op('labels', 'k', 'name', 'x')]);
    await transport.use(dir);
    await transport.sync(identity);
    const written = readdirSync(dir).toSorted();
    expect(written).toHaveLength(3);
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
});
