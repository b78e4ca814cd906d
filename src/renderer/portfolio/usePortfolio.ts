import { useCallback, useEffect, useRef, useState } from 'react';
import type { PortfolioView } from '../../shared/portfolio';
import { errorMessage } from '../session/errorMessage';
import { useAction, type Action } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import type { RefreshOutcome } from './refreshStatus';

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

/**
 * The portfolio as main reports it, kept current: chain status pushes update their chip at once, and the
 * whole view is asked for again when a refresh finishes or the accounts change.
 */
export function usePortfolio(): Portfolio {
  const { client } = useWallet();
  const [view, setView] = useState<PortfolioView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<RefreshProgress | null>(null);
  // Only the latest load may land; an earlier answer arriving late must not overwrite a newer view.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    client.call('portfolio.get').then(
      (next) => {
        if (ticket !== latest.current) return;
        setView(next);
        setError(null);
      },
      (failure: unknown) => {
        if (ticket === latest.current) setError(errorMessage(failure));
      },
    );
  }, [client]);

  useEffect(() => {
    const unsubscribe = [
      client.on('portfolio.progress', ({ done, total }) => {
        if (done < total) {
          setProgress({ done, total });
          return;
        }
        setProgress(null);
        reload();
      }),
      client.on('accounts.changed', reload),
      client.on('chains.status', (status) =>
        setView(
          (current) =>
            current && {
              ...current,
              chains: current.chains.map((chain) => (chain.chainId === status.chainId ? status : chain)),
            },
        ),
      ),
    ];
    reload();
    return () => {
      for (const off of unsubscribe) off();
    };
  }, [client, reload]);

  const refresh = useAction(async () => {
    setProgress((current) => current ?? { done: 0, total: view?.chains.length ?? 0 });
    try {
      const chains = await client.call('portfolio.refresh');
      return { chains, finishedAt: Date.now() };
    } finally {
      // The progress events may not all arrive (a chain dropped from the enabled list mid-way); the answer does.
      setProgress(null);
      reload();
    }
  });

  return { view, error, progress, refresh, reload };
}
