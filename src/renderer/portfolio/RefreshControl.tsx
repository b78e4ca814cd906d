import { LoaderCircle, RotateCw } from 'lucide-react';
import { useId } from 'react';
import { newestRead, refreshStatus } from './refreshStatus';
import type { Portfolio } from './usePortfolio';
import { useAgeNow } from './useNow';
import './RefreshControl.css';

/** The status line's words; a component of its own, so a step of "… ago" re-renders them alone. */
function RefreshStatus({ portfolio: { refresh, progress, view } }: { portfolio: Portfolio }) {
  const chains = view?.chains ?? [];
  const now = useAgeNow(
    refresh.state.status === 'done' ? refresh.state.result.finishedAt : newestRead(chains),
  );
  return refreshStatus({ state: refresh.state, progress, chains, now });
}

/**
 * Refresh with its feedback: while it runs the button is busy (spinner, aria-busy) and the status line counts
 * networks; afterwards the line says when balances were read ("Updated just now"), or that the refresh failed.
 */
export function RefreshControl({ portfolio }: { portfolio: Portfolio }) {
  const { refresh } = portfolio;
  const statusId = useId();
  const working = refresh.state.status === 'working';
  return (
    <>
      <p id={statusId} className="refresh-control__status" role="status" data-state={refresh.state.status}>
        <RefreshStatus portfolio={portfolio} />
      </p>
      <button
        type="button"
        className="button"
        aria-busy={working}
        aria-describedby={statusId}
        aria-disabled={working}
        onClick={() => {
          if (!working) void refresh.run();
        }}
      >
        {working ? (
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
        ) : (
          <RotateCw size={14} aria-hidden="true" />
        )}
        Refresh
      </button>
    </>
  );
}
