import type { ChainStatusView } from '../../shared/portfolio';
import { formatAge } from '../format/age';
import type { ActionState } from '../session/useAction';

/** What a finished refresh reports: the networks as read, and when the answer came. */
export interface RefreshOutcome {
  chains: readonly ChainStatusView[];
  finishedAt: number;
}

interface RefreshStatusInput {
  state: ActionState<RefreshOutcome>;
  /** Networks finished in the refresh under way, from main's progress events. */
  progress: { done: number; total: number } | null;
  /** The networks as last shown, for "Updated 3 min ago" before any refresh of this visit. */
  chains: readonly ChainStatusView[];
  now: number;
}

/**
 * The line beside Refresh: it shows work while a refresh runs, then says when balances were last read and
 * which networks a refresh could not reach, so pressing Refresh always visibly does something, even on a
 * local chain that answers in milliseconds.
 */
export function refreshStatus({ state, progress, chains, now }: RefreshStatusInput): string {
  if (state.status === 'working') {
    return progress && progress.total > 0
      ? `Refreshing ${Math.min(progress.done + 1, progress.total)} of ${progress.total} networks…`
      : 'Refreshing…';
  }
  if (state.status === 'failed') return 'Not refreshed';
  if (state.status === 'done') {
    const unreached = state.result.chains.filter((chain) => chain.state !== 'ok').map((chain) => chain.name);
    const updated = `Updated ${formatAge(state.result.finishedAt, now)}`;
    return unreached.length > 0 ? `${updated}; ${unreached.join(', ')} not reached` : updated;
  }
  const newest = newestRead(chains);
  return newest > 0 ? `Updated ${formatAge(newest, now)}` : '';
}

/** When the most recently read network was read, in ms; 0 when none has been. */
export function newestRead(chains: readonly ChainStatusView[]): number {
  return Math.max(0, ...chains.map((chain) => chain.lastRead?.readAt ?? 0));
}
