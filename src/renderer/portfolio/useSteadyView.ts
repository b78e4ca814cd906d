import { useState } from 'react';
import type { PortfolioView } from '../../shared/portfolio';
import { sameJson } from './sameJson';

/**
 * The view for everything on the page but the networks' read status (block, read time, stale or not): the same
 * object while a background poll only moves those, so the totals, charts and token table under it skip their
 * render. They name networks and nothing else of their status; the freshness chips and the refresh line
 * take the live view.
 */
export function useSteadyView(view: PortfolioView | null): PortfolioView | null {
  const [held, setHeld] = useState({ seen: view, steady: view });
  if (held.seen === view) return held.steady;
  // Once per new view, not on every render while it is shown.
  const steady = held.steady && view && sameButReads(held.steady, view) ? held.steady : view;
  setHeld({ seen: view, steady });
  return steady;
}

function sameButReads(a: PortfolioView, b: PortfolioView): boolean {
  const { chains: chainsA, ...restA } = a;
  const { chains: chainsB, ...restB } = b;
  return (
    sameJson(restA, restB) &&
    chainsA.length === chainsB.length &&
    chainsA.every((chain, i) => chain.chainId === chainsB[i]?.chainId && chain.name === chainsB[i]?.name)
  );
}
