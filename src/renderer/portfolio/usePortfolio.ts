import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChainStatusView, PortfolioView } from '../../shared/portfolio';
import { errorMessage } from '../session/errorMessage';
import { useAction, type Action } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import type { RefreshOutcome } from './refreshStatus';
import { keepIfSame, withChainStatuses } from './viewUpdates';

export interface RefreshProgress {
  done: number;
  total: number;
}

export interface Portfolio {
  /** The latest view; kept while asking again, so the page does not blank out during a refresh. */
  view: PortfolioView | null;
  error: string | null;
  /** Networks finished in the refresh under way, from main's progress events; null when none is running. */
  progress: RefreshProgress | null;
  refresh: Action<[], RefreshOutcome>;
  /** Asks main for the view again, e.g. after a token was added or hidden. */
  reload(): void;
}

/** How long a background poll's status pushes wait for the reload that ends the poll and carries them too. */
const QUIET_STATUS_MS = 1000;

/**
 * The portfolio as main reports it, kept current: the whole view is asked for again when a refresh finishes or
 * the accounts change. Status pushes update their chip at once during a refresh the user started and when a
 * network goes stale; a background poll's reads, pushed one network at a time, would each re-render the whole
 * page, so they wait up to a second for the reload at the poll's end, which usually shows them first.
 */
export function usePortfolio(): Portfolio {
  const { client } = useWallet();
  // The answer the page asked for as it started, when it is in: the first render shows the portfolio at once.
  const [view, setView] = useState<PortfolioView | null>(() => client.ready?.('portfolio.get') ?? null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<RefreshProgress | null>(null);
  // Only the latest load may land; an earlier answer arriving late must not overwrite a newer view.
  const latest = useRef(0);
  const userRefresh = useRef(false);
  const quietStatuses = useRef(new Map<number, ChainStatusView>());
  const quietTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    client.call('portfolio.get').then(
      (next) => {
        if (ticket !== latest.current) return;
        setView((current) => keepIfSame(current, next));
        setError(null);
      },
      (failure: unknown) => {
        if (ticket === latest.current) setError(errorMessage(failure));
      },
    );
  }, [client]);

  useEffect(() => {
    const showStatuses = (statuses: readonly ChainStatusView[]) =>
      setView((current) => current && withChainStatuses(current, statuses));
    const showQuietStatuses = () => {
      quietTimer.current = undefined;
      showStatuses([...quietStatuses.current.values()]);
      quietStatuses.current.clear();
    };
    const unsubscribe = [
      client.on('portfolio.progress', ({ done, total }) => {
        // Only a refresh the user started shows its progress; a poll's would re-render the page for nothing.
        if (userRefresh.current) setProgress(done < total ? { done, total } : null);
        if (done >= total) reload();
      }),
      client.on('accounts.changed', reload),
      client.on('chains.status', (status) => {
        if (userRefresh.current || status.state !== 'ok') {
          showStatuses([status]);
          return;
        }
        quietStatuses.current.set(status.chainId, status);
        quietTimer.current ??= setTimeout(showQuietStatuses, QUIET_STATUS_MS);
      }),
    ];
    reload();
    return () => {
      for (const off of unsubscribe) off();
      clearTimeout(quietTimer.current);
      quietTimer.current = undefined;
    };
  }, [client, reload]);

  const refresh = useAction(async () => {
    setProgress((current) => current ?? { done: 0, total: view?.chains.length ?? 0 });
    userRefresh.current = true;
    try {
      const chains = await client.call('portfolio.refresh');
      return { chains, finishedAt: Date.now() };
    } finally {
      // The progress events may not all arrive (a chain dropped from the enabled list mid-way); the answer does.
      userRefresh.current = false;
      setProgress(null);
      reload();
    }
  });

  return { view, error, progress, refresh, reload };
}
