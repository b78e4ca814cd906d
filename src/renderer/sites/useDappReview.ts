import { useCallback, useEffect, useState } from 'react';
import type { DappReview } from '../../shared/dapps';
import { failureDetail } from '../api/client';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface DappReviewState {
  /** Null while main reviews, or when it could not. */
  review: DappReview | null;
  error: { message: string; detail?: string } | null;
  /** Asks main for a fresh review, e.g. after the RPC came back. */
  retry(): void;
}

/** Main's review of a signing request, asked once when the request is shown; `wanted` false asks nothing. */
export function useDappReview(id: string, wanted: boolean): DappReviewState {
  const { client } = useWallet();
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Omit<DappReviewState, 'retry'>>({ review: null, error: null });

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    client.call('dapps.review', { id }).then(
      (review) => current && setAnswer({ review, error: null }),
      (failure: unknown) => {
        const detail = failureDetail(failure);
        const error = { message: errorMessage(failure), ...(detail ? { detail } : {}) };
        if (current) setAnswer({ review: null, error });
      },
    );
    return () => {
      current = false;
    };
  }, [client, id, wanted, attempt]);

  const retry = useCallback(() => {
    setAnswer({ review: null, error: null });
    setAttempt((n) => n + 1);
  }, []);
  return { ...answer, retry };
}
