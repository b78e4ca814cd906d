import { describe, expect, it } from 'vitest';
import { BlobLedger } from '../../shared/sync/blobLedger';
import type { SyncMember } from '../../shared/sync/roster';
import { syncView, type SyncViewSources } from './syncView';

const member = (id: string, name: string, kind: SyncMember['kind'] = 'desktop'): SyncMember => ({
  id,
  name,
  kind,
  signPublic: new Uint8Array(32),
  boxPublic: new Uint8Array(32),
  fingerprint: null,
  removed: false,
});

const base: Omit<SyncViewSources, 'ledger'> = {
  self: 'a',
  members: [member('a', 'Desk'), member('b', 'Laptop'), member('c', 'Phone', 'phone')],
  lastSync: { b: 1234 },
  folder: { path: '/sync', lastSyncAt: 99, error: null },
  collections: {
    labels: true,
    addressBook: true,
    tokens: true,
    networks: true,
    rpcs: false,
    preferences: true,
    txNotes: true,
    safes: true,
    safeTransactions: true,
  },
  problems: [{ at: 1, source: 'folder', message: 'refused' }],
  epoch: 2,
};

describe('syncView', () => {
  it('shows each device with when its changes last arrived, this one always ok', () => {
    const ledger = new BlobLedger({});
    ledger.accept('b', 1);
    const view = syncView({ ...base, ledger });
    expect(view.devices.map(({ id, self, lastSyncAt, state }) => [id, self, lastSyncAt, state])).toEqual([
      ['a', true, null, 'ok'],
      ['b', false, 1234, ledger.status('b')],
      ['c', false, null, ledger.status('c')],
    ]);
    expect(view).toMatchObject({ folder: base.folder, collections: base.collections, epoch: 2 });
    expect(view.problems).toEqual(base.problems);
  });

  it('says in words why a device lags: changes held back, or an older state served', () => {
    const ledger = new BlobLedger({});
    ledger.accept('b', 2);
    ledger.accept('c', 1);
    ledger.setRolledBack('c', true);
    const devices = syncView({ ...base, ledger }).devices;
    const byId = Object.fromEntries(devices.map((device) => [device.id, device]));
    expect(byId.a?.detail).toBeNull();
    expect(byId.b?.state).toBe('behind');
    expect(byId.b?.detail).toContain('Some changes from Laptop have not arrived');
    expect(byId.c?.state).toBe('rolled_back');
    expect(byId.c?.detail).toContain('showed an older state of Phone');
  });
});
