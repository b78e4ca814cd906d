import type { SyncView } from '../../../src/shared/sync';
import { ApiCallError } from '../../../src/renderer/api/client';
import { syncDevice } from '../syncFixture';
import type { DoubleWorld } from './world';
import type { FamilyHandlers } from './handlers';

type SyncChannel =
  | 'sync.status'
  | 'sync.setFolder'
  | 'sync.setCollections'
  | 'sync.now'
  | 'sync.invite'
  | 'sync.join'
  | 'sync.removeDevice';

/** The sync group, its folder and collections; every change is pushed as sync.changed. */
export function syncCalls(double: DoubleWorld): FamilyHandlers<SyncChannel> {
  let inviteCount = 0;

  /** Like main: a folder is used at once, so it has synced by the time the call answers. */
  function setFolder(path: string | null): SyncView {
    const trimmed = path?.trim() ?? null;
    return double.updateSync({
      folder: { path: trimmed || null, lastSyncAt: trimmed ? Date.now() : null, error: null },
    });
  }

  /** Like main: every transport at once; the devices that are fine have just synced. */
  function syncNow(): SyncView {
    const now = Date.now();
    const { devices, folder } = double.sync;
    return double.updateSync({
      devices: devices.map((d) => (d.self || d.state !== 'ok' ? d : { ...d, lastSyncAt: now })),
      folder: folder.path ? { ...folder, lastSyncAt: now } : folder,
    });
  }

  /** Like main: this desktop takes the group's roster and key; a code it cannot read is refused. */
  function join(code: string): SyncView {
    if (!/^[A-Z0-9]{16}$/.test(code.replace(/[\s-]/g, ''))) {
      throw new ApiCallError('sync.join', {
        code: 'invalid_request',
        message: 'That is not an invite code: check it against the other desktop.',
      });
    }
    const self = double.sync.devices.find((d) => d.self);
    const inviter = syncDevice('Office desktop', { lastSyncAt: Date.now() });
    return double.updateSync({
      devices: [...(self ? [self] : []), inviter],
      epoch: double.sync.epoch + 1,
    });
  }

  /** Like main: a desktop leaves the group and the key is rotated; phones leave through pairing.revoke. */
  function removeDevice(id: string): SyncView {
    const device = double.sync.devices.find((d) => d.id === id);
    if (!device || device.self || device.kind !== 'desktop') {
      throw new ApiCallError('sync.removeDevice', {
        code: 'not_found',
        message: 'No other desktop with this id is in the sync group.',
      });
    }
    return double.updateSync({
      devices: double.sync.devices.filter((d) => d.id !== id),
      epoch: double.sync.epoch + 1,
    });
  }

  return {
    'sync.status': () => double.sync,
    'sync.setFolder': ({ path }) => setFolder(path),
    'sync.setCollections': (collections) =>
      double.updateSync({ collections: { ...double.sync.collections, ...collections } }),
    'sync.now': syncNow,
    // Like main: a new one-time code, ten minutes long, replacing any earlier one.
    'sync.invite': () => {
      double.syncInvite = { code: `K7PX29QFM4TD8WZ${++inviteCount}`, expiresAt: Date.now() + 10 * 60_000 };
      return double.syncInvite;
    },
    'sync.join': ({ code }) => join(code),
    'sync.removeDevice': ({ id }) => removeDevice(id),
  };
}
