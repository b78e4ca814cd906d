import { useEffect, useState } from 'react';
import type { HistorySyncState } from '../../shared/history';
import { errorMessage } from '../session/errorMessage';
import { useAction, type Action } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

export interface HistorySync {
  /** Null until main has answered. */
  chains: HistorySyncState[] | null;
  error: string | null;
  syncNow: Action<[], unknown>;
}

function merge(chains: HistorySyncState[] | null, update: HistorySyncState): HistorySyncState[] {
  const list = chains ?? [];
  return list.some((chain) => chain.chainId === update.chainId)
    ? list.map((chain) => (chain.chainId === update.chainId ? update : chain))
    : [...list, update];
}

/** Each chain's history sync, asked once and then kept current by main's `history.progress` pushes. */
export function useHistorySync(): HistorySync {
  const { client } = useWallet();
  const [chains, setChains] = useState<HistorySyncState[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Subscribed first, so progress made while the status is on its way is not lost.
    const unsubscribe = client.on('history.progress', (update) => setChains((list) => merge(list, update)));
    client.call('history.status').then(
      (list) => {
        if (current)
          setChains((pushed) =>
            list.map((chain) => pushed?.find((p) => p.chainId === chain.chainId) ?? chain),
          );
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

  const syncNow = useAction(async () => {
    const list = await client.call('history.sync');
    setChains(list);
    return list;
  });

  return { chains, error, syncNow };
}
