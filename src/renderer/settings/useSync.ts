import { useEffect, useState } from 'react';
import type { SyncView } from '../../shared/sync';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface Sync {
  /** Null until main has answered. */
  view: SyncView | null;
  error: string | null;
  /** Shows what a sync call answered at once, without waiting for its push. */
  show(view: SyncView): void;
}

/** The sync group, folder, collections and refusals, kept current from main's `sync.changed`. */
export function useSync(): Sync {
  const { client } = useWallet();
  const [view, setView] = useState<SyncView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a device syncing while the answer is on its way is not lost.
    const unsubscribe = client.on('sync.changed', (next) => {
      if (current) setView(next);
    });
    client.call('sync.status').then(
      (next) => {
        if (current) setView(next);
      },
      (failure: unknown) => {
        if (current) setError(errorMessage(failure));
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client]);

  return { view, error, show: setView };
}
