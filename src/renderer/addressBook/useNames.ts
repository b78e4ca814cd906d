import { useEffect, useState } from 'react';
import type { NamesView } from '../../shared/names';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface Names {
  /** Null until main has answered. */
  view: NamesView | null;
  error: string | null;
}

/**
 * Labels and contacts, kept current from main's `names.changed`, which also carries what arrives from the
 * user's other devices through sync.
 */
export function useNames(): Names {
  const { client } = useWallet();
  const [state, setState] = useState<Names>({ view: null, error: null });

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a name synced in while the answer is on its way is not lost.
    const unsubscribe = client.on('names.changed', (view) => {
      if (current) setState({ view, error: null });
    });
    client.call('names.list').then(
      (view) => {
        if (current) setState({ view, error: null });
      },
      (error: unknown) => {
        if (current) setState({ view: null, error: errorMessage(error) });
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client]);

  return state;
}
