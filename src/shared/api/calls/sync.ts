import {
  JoinSyncGroup,
  SetSyncFolder,
  SyncCollections,
  SyncDeviceRef,
  SyncInvite,
  SyncView,
} from '../../sync';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** End-to-end encrypted state sync between this user's desktops and phones. */
export const syncCalls = {
  'sync.status': { request: NoRequest, response: SyncView },
  /** Picks the sync folder (or stops using one, with null); it must exist and be writable. */
  'sync.setFolder': { request: SetSyncFolder, response: SyncView },
  /** Turns collections on or off; those not named keep their setting. */
  'sync.setCollections': { request: SyncCollections.partial(), response: SyncView },
  /** Writes what changed here and reads what the others wrote, through every transport, now. */
  'sync.now': { request: NoRequest, response: SyncView },
  /** A one-time code for another desktop that uses the same sync folder to join this group. */
  'sync.invite': { request: NoRequest, response: SyncInvite },
  'sync.join': { request: JoinSyncGroup, response: SyncView },
  /** Removes a desktop from the group and rotates the group's key, so it reads nothing written after. */
  'sync.removeDevice': { request: SyncDeviceRef, response: SyncView },
} as const satisfies CallFamily;

export const syncEvents = {
  'sync.changed': SyncView,
} as const satisfies EventFamily;
