// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import type { PortfolioView } from '../../shared/portfolio';
import { useSteadyView } from './useSteadyView';

afterEach(cleanup);

/** The view after a poll that read the first network at a later block, with everything else as it was. */
function polled(view: PortfolioView): PortfolioView {
  const [first, ...rest] = view.chains;
  if (!first?.lastRead) throw new Error('the fixture reads its first network');
  const lastRead = { ...first.lastRead, blockNumber: first.lastRead.blockNumber + 1, readAt: Date.now() };
  return { ...view, chains: [{ ...first, lastRead }, ...rest] };
}

describe('useSteadyView', () => {
  it('keeps the view it has while a poll moves only the networks’ reads', () => {
    const view = fixturePortfolio();
    const { result, rerender } = renderHook(({ shown }) => useSteadyView(shown), {
      initialProps: { shown: view as PortfolioView | null },
    });
    expect(result.current).toBe(view);
    rerender({ shown: polled(view) });
    expect(result.current).toBe(view);
    const stale = { ...view, chains: view.chains.map((chain) => ({ ...chain, state: 'stale' as const })) };
    rerender({ shown: stale });
    expect(result.current).toBe(view);
  });

  it('takes a view whose holdings, values or network names changed', () => {
    const view = fixturePortfolio();
    const { result, rerender } = renderHook(({ shown }) => useSteadyView(shown), {
      initialProps: { shown: view as PortfolioView | null },
    });
    const revalued = { ...polled(view), values: view.values.slice(1) };
    rerender({ shown: revalued });
    expect(result.current).toBe(revalued);
    const renamed = {
      ...revalued,
      chains: revalued.chains.map((chain) => ({ ...chain, name: `${chain.name}!` })),
    };
    rerender({ shown: renamed });
    expect(result.current).toBe(renamed);
    rerender({ shown: null });
    expect(result.current).toBeNull();
  });
});
