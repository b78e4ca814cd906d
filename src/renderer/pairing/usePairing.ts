import { useEffect, useState } from 'react';
import type { PairingView } from '../../shared/pairing';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface Pairing {
  /** Null until main has answered. */
  view: PairingView | null;
  error: string | null;
  /** Shows what a pairing call answered at once, without waiting for its push. */
  show(view: PairingView): void;
}

/** The relay, the pairing in progress and the paired phones, kept current from main's `pairing.changed`. */
export function usePairing(): Pairing {
  const { client } = useWallet();
  const [view, setView] = useState<PairingView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a phone scanning the code while the answer is on its way is not lost.
    const unsubscribe = client.on('pairing.changed', (next) => {
      if (current) setView(next);
    });
    client.call('pairing.status').then(
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
