import type { ChainStatusView, PortfolioView } from '../../shared/portfolio';
import { sameJson } from './sameJson';

/**
 * The view with these networks' statuses in place of the ones it shows. A status the view already shows, or
 * one older than what it shows (its reload carried a newer read), changes nothing, and then the very same view
 * comes back, so React skips the render.
 */
export function withChainStatuses(view: PortfolioView, statuses: readonly ChainStatusView[]): PortfolioView {
  let changed = false;
  const chains = view.chains.map((chain) => {
    const status = statuses.find((candidate) => candidate.chainId === chain.chainId);
    if (!status || isOlder(status, chain) || sameJson(status, chain)) return chain;
    changed = true;
    return status;
  });
  return changed ? { ...view, chains } : view;
}

function isOlder(status: ChainStatusView, shown: ChainStatusView): boolean {
  return (status.lastRead?.readAt ?? 0) < (shown.lastRead?.readAt ?? 0);
}

/** The shown view when main's answer says the same, so a poll that changed nothing re-renders nothing. */
export function keepIfSame(current: PortfolioView | null, next: PortfolioView): PortfolioView {
  return current && sameJson(current, next) ? current : next;
}
