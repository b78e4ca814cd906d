import type { SyncDeviceView, SyncView } from '../../shared/sync';
import type { BlobLedger } from '../../shared/sync/blobLedger';
import type { SyncMember } from '../../shared/sync/roster';

export interface SyncViewSources extends Omit<SyncView, 'devices'> {
  /** This device's id, null before sync was set up. */
  self: string | null;
  /** The members not removed. */
  members: readonly SyncMember[];
  ledger: BlobLedger;
  /** When a blob of each device was last accepted here. */
  lastSync: Readonly<Record<string, number>>;
}

/** What the sync screen shows: each device with how far its changes arrived here, in words where it lags. */
export function syncView(sources: SyncViewSources): SyncView {
  const { self, members, ledger, lastSync } = sources;
  const devices: SyncDeviceView[] = members.map((member) => {
    const state = member.id === self ? 'ok' : ledger.status(member.id);
    return {
      id: member.id,
      name: member.name,
      kind: member.kind,
      self: member.id === self,
      lastSyncAt: lastSync[member.id] ?? null,
      state,
      detail: DETAILS[state]?.(member.name) ?? null,
    };
  });
  const { folder, collections, problems, epoch } = sources;
  return { devices, folder, collections, problems, epoch };
}

const DETAILS: Partial<Record<SyncDeviceView['state'], (name: string) => string>> = {
  behind: (name) =>
    `Some changes from ${name} have not arrived: the folder or relay may be holding them back.`,
  rolled_back: (name) =>
    `The sync folder or relay showed an older state of ${name} than one already seen. Check the folder was not restored from an old copy.`,
};
