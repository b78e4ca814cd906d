import { useCallback, useEffect, useState } from 'react';
import type { PortfolioView, ValueHistoryView } from '../../shared/portfolio';
import { errorMessage } from '../session/errorMessage';
import type { CallResult } from '../session/useCallResult';
import { useWallet } from '../session/WalletContext';
import { sameJson } from './sameJson';

type Answer = Omit<CallResult<ValueHistoryView>, 'reload'>;

/**
 * The stored value snapshots, asked for again whenever a read lands (main takes a snapshot at the end of each
 * refresh) or the currency changes; a status push that changes neither does not ask again. Asking again keeps
 * the chart as it is until the answer comes, without a loading state, and an answer that is the same as the
 * one shown changes nothing: background polls ask every few seconds, and each render redraws the whole page.
 */
export function useValueHistory(view: PortfolioView | null): CallResult<ValueHistoryView> {
  const { client } = useWallet();
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer>(() => {
    const data = client.ready?.('portfolio.valueHistory');
    return data ? { data, error: null, loading: false } : { data: null, error: null, loading: true };
  });
  const readAt = view?.chains.map((chain) => chain.lastRead?.readAt ?? 0).join(',');
  const currency = view?.currency;

  useEffect(() => {
    if (readAt === undefined) return;
    let current = true;
    client.call('portfolio.valueHistory').then(
      (data) => {
        if (!current) return;
        setAnswer((shown) =>
          shown.error === null && sameJson(shown.data, data) ? shown : { data, error: null, loading: false },
        );
      },
      (error: unknown) => {
        // A stale chart next to the error would claim more than is known now.
        if (current) setAnswer({ data: null, error: errorMessage(error), loading: false });
      },
    );
    return () => {
      current = false;
    };
  }, [client, readAt, currency, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...answer, reload };
}
