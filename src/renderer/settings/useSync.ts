import type { SyncView } from '../../shared/sync';
import { useLiveView, type LiveView } from '../session/useLiveView';

export type Sync = LiveView<SyncView>;

/** The sync group, folder, collections and refusals, kept current from main's `sync.changed`. */
export function useSync(): Sync {
  return useLiveView('sync.status');
}
