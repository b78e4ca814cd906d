import { useEffect, useState } from 'react';
import type { OutgoingView } from '../../shared/tx';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface Outgoing {
  /** Null until main has answered; newest first. */
  list: OutgoingView[] | null;
  error: string | null;
}

const newestFirst = (list: OutgoingView[]) =>
  [...list].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);

/** Every transaction this wallet sent: asked once, then replaced whole by each `tx.changed` push. */
export function useOutgoing(): Outgoing {
  const { client } = useWallet();
  const [state, setState] = useState<Outgoing>({ list: null, error: null });

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a change made while the list is on its way is not lost.
    const unsubscribe = client.on('tx.changed', (list) => {
      if (current) setState({ list: newestFirst(list), error: null });
    });
    client.call('tx.list').then(
      (list) => {
        if (current)
          setState((previous) => (previous.list ? previous : { list: newestFirst(list), error: null }));
      },
      (error: unknown) => {
        if (current) setState({ list: null, error: errorMessage(error) });
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client]);

  return state;
}
