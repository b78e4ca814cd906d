import type { SyncDeviceView, SyncView } from '../../src/shared/sync';

export const SYNCED_AT = 1_700_000_000_000;

/** This desktop's id in the double's sync group. */
export const SELF_DEVICE_ID = '0a1b2c3d4e5f6071';

/** A device of the sync group; ids are 16 hex digits, as main makes them. */
export function syncDevice(name: string, extra: Partial<SyncDeviceView> = {}): SyncDeviceView {
  const hex = [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7).toString(16);
  return {
    id: hex.padStart(16, 'f').slice(-16),
    name,
    kind: 'desktop',
    self: false,
    lastSyncAt: SYNCED_AT,
    state: 'ok',
    detail: null,
    ...extra,
  };
}

/** A sync group of one, as on a fresh install: this desktop alone, no folder, everything but RPCs on. */
export function soloSync(): SyncView {
  return {
    devices: [syncDevice('Ada’s workstation', { id: SELF_DEVICE_ID, self: true, lastSyncAt: null })],
    folder: { path: null, lastSyncAt: null, error: null },
    collections: {
      labels: true,
      addressBook: true,
      tokens: true,
      networks: false,
      rpcs: false,
      preferences: true,
      txNotes: true,
      safes: true,
      safeTransactions: true,
    },
    problems: [],
    epoch: 0,
  };
}
