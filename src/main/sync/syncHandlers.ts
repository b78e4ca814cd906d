import type { syncCalls } from '../../shared/api/calls/sync';
import type { FamilyHandlers } from '../api/router';
import type { SyncService } from './syncService';

export function syncHandlers(sync: SyncService): FamilyHandlers<typeof syncCalls> {
  return {
    'sync.status': () => sync.status(),
    'sync.setFolder': ({ path }) => sync.setFolder(path),
    'sync.setCollections': (patch) => sync.setCollections(patch),
    'sync.now': () => sync.syncNow(),
    'sync.invite': () => sync.invite(),
    'sync.join': ({ code }) => sync.join(code),
    'sync.removeDevice': ({ id }) => sync.removeDevice(id),
  };
}
