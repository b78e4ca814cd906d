import { useEffect, useState } from 'react';
import type { ApprovalsOverview } from '../../shared/approvals';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface OverviewState {
  overview: ApprovalsOverview | null;
  error: string | null;
}

/**
 * Every account's allowances on every enabled network, asked again whenever one of this wallet's revokes is
 * included, since that is when the chain stops allowing it.
 */
export function useApprovalsOverview(): OverviewState {
  const { client } = useWallet();
  const [state, setState] = useState<OverviewState>({ overview: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    client.call('approvals.overview').then(
      (overview) => current && setState({ overview, error: null }),
      (error: unknown) => current && setState({ overview: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  useEffect(() => {
    // Revokes seen included already; the first push may repeat old ones, which costs one extra read at most.
    const included = new Set<number>();
    return client.on('tx.changed', (list) => {
      const fresh = list.filter(
        (tx) => tx.purpose === 'revoke' && tx.status === 'included' && !included.has(tx.id),
      );
      fresh.forEach((tx) => included.add(tx.id));
      if (fresh.length > 0) setAttempt((n) => n + 1);
    });
  }, [client]);

  return state;
}
