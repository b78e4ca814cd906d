// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { longHistory } from '../../../test/renderer/historyFixture';
import { MAX_SCROLL_HEIGHT } from './scrollScale';
import { Timeline } from './Timeline';
import type { ChainDirectory } from './useChainNames';

afterEach(cleanup);

const chains: ChainDirectory = {
  chain: () => undefined,
  name: (id) => (id === 1 ? 'Ethereum' : 'Arbitrum One'),
  nativeSymbol: () => 'ETH',
};
const entries = longHistory(100_000);

function renderTimeline(onOpen = vi.fn(), history = entries) {
  render(
    <Timeline
      entries={history}
      chains={chains}
      accountName={() => 'Treasury'}
      hasMore={false}
      loadingMore={false}
      loadMore={() => undefined}
      onOpen={onOpen}
      onAtTop={() => undefined}
    />,
  );
  const list = screen.getByRole('list', { name: 'Timeline' });
  return {
    list,
    viewport: list.parentElement as HTMLElement,
    rows: () => within(list).getAllByRole('button'),
  };
}

describe('Timeline', () => {
  it('renders a bounded window of 100,000 entries wherever it is scrolled', () => {
    const { viewport, rows } = renderTimeline();
    expect(rows().length).toBeLessThan(30);
    viewport.scrollTop = 3_200_000;
    fireEvent.scroll(viewport);
    expect(rows().length).toBeLessThan(30);
    const first = Number(rows()[0]?.dataset.entryIndex);
    expect(first).toBeGreaterThan(45_000);
    expect(first).toBeLessThan(55_000);
  });

  it('moves focus with the arrow keys, End and Home, one tab stop at a time', () => {
    const onOpen = vi.fn();
    const { rows } = renderTimeline(onOpen);
    const tabbable = () => rows().filter((row) => row.tabIndex === 0);
    expect(tabbable()).toHaveLength(1);
    rows()[0]?.focus();
    fireEvent.keyDown(rows()[0] as HTMLElement, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).dataset.entryIndex).toBe('1');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'End' });
    expect((document.activeElement as HTMLElement).dataset.entryIndex).toBe('99999');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Home' });
    expect((document.activeElement as HTMLElement).dataset.entryIndex).toBe('0');
    fireEvent.click(document.activeElement as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith(entries[0]);
  });

  it('reaches the last of 300,000 entries, taller than a browser can draw, with the scroll bar', () => {
    const { viewport, rows } = renderTimeline(vi.fn(), longHistory(300_000));
    viewport.scrollTop = MAX_SCROLL_HEIGHT - 640;
    fireEvent.scroll(viewport);
    expect(rows().length).toBeLessThan(30);
    expect(rows().at(-1)?.dataset.entryIndex).toBe('299999');
  });
});
