import { useEffect } from 'react';
import type { PortfolioView, ValueHistoryView } from '../../shared/portfolio';
import { type CallResult, useCallResult } from '../session/useCallResult';

/**
 * The stored value snapshots, asked for again whenever a read lands (main takes a snapshot at the end of each
 * refresh) or the currency changes; a status push that changes neither does not ask again.
 */
export function useValueHistory(view: PortfolioView | null): CallResult<ValueHistoryView> {
  const history = useCallResult('portfolio.valueHistory');
  const { reload } = history;
  const readAt = view?.chains.map((chain) => chain.lastRead?.readAt ?? 0).join(',');
  const currency = view?.currency;

  useEffect(() => {
    if (readAt !== undefined) reload();
  }, [reload, readAt, currency]);

  return history;
}
