// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ValuePointView } from '../../shared/portfolio';
import { ALICE, BOB, FIXTURE_ACCOUNTS, fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { VALUE_PLOT, ValueChart } from './ValueChart';

// The plot comes in a chunk of its own, fetched when the chart first has a line to draw.
beforeAll(() => VALUE_PLOT.preload());
afterEach(cleanup);

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 14, 12);
const point = (
  hours: number,
  chainId: number,
  account: string,
  value: string,
  unpriced = 0,
): ValuePointView => ({
  at: T0 + hours * HOUR,
  chainId,
  account,
  value,
  unpriced,
});

function show(points: ValuePointView[]) {
  render(
    <ValueChart
      history={{ currency: 'EUR', points }}
      view={fixturePortfolio()}
      accounts={FIXTURE_ACCOUNTS}
    />,
  );
  return screen.getByRole('region', { name: 'Value over time' });
}
const legend = () =>
  within(screen.getByRole('list', { name: 'Latest value' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('ValueChart', () => {
  it('says when there is no history yet, and when there is one snapshot only', () => {
    show([]);
    expect(screen.getByText(/No snapshots yet/)).toBeTruthy();
    cleanup();
    const chart = show([point(0, 1, ALICE, '10')]);
    expect(within(chart).getByText('One snapshot so far; the chart fills in as you refresh.')).toBeTruthy();
    expect(within(chart).queryByRole('slider')).toBeNull();
    expect(legend()).toEqual(['Ethereum€10.00']);
  });

  it('says why when the history could not be loaded', () => {
    render(
      <ValueChart
        history={null}
        error="The wallet is locked."
        view={fixturePortfolio()}
        accounts={FIXTURE_ACCOUNTS}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not load the value history: The wallet is locked.',
    );
    expect(screen.queryByText(/Loading/)).toBeNull();
  });

  const history = [
    point(0, 1, ALICE, '1000'),
    point(0, 42161, BOB, '250.5', 2),
    point(1, 1, ALICE, '1200'),
    point(2, 8453, ALICE, '5'),
  ];

  it('draws a line per network in its tone, read out at the latest snapshot', () => {
    const chart = show(history);
    expect(chart.querySelectorAll('.value-plot__line')).toHaveLength(3);
    expect(
      [...chart.querySelectorAll('.value-plot__line')].map((line) => line.getAttribute('data-chain-tone')),
    ).toEqual(['ethereum', 'arbitrum', 'base']);
    expect(legend()).toEqual(['Ethereum€1,200.00', 'Arbitrum One€250.50', 'Base€5.00']);
    const slider = within(chart).getByRole('slider', { name: 'Snapshot' });
    expect(slider.getAttribute('aria-valuetext')).toMatch(
      /: total €1,455\.50; Ethereum €1,200\.00; Arbitrum One €250\.50; Base €5\.00$/,
    );
    expect(within(chart).getByText(/Leaves out 2 holdings with no current price/)).toBeTruthy();
  });

  it('steps through the snapshots from the keyboard', () => {
    const chart = show(history);
    const slider = within(chart).getByRole('slider');
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('1');
    expect(slider.getAttribute('aria-valuetext')).toMatch(
      /total €1,450\.50; Ethereum €1,200\.00; Arbitrum One/,
    );
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider.getAttribute('aria-valuetext')).not.toMatch(/Base/);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
  });

  it('picks the snapshot nearest the pointer', () => {
    const chart = show(history);
    const slider = within(chart).getByRole('slider');
    // The plot's box is 640 wide with 64 on the left for the axis, so x = 64 is its first time.
    slider.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 640, height: 220 });
    fireEvent.pointerMove(slider, { clientX: 70 });
    expect(slider.getAttribute('aria-valuenow')).toBe('0');
    fireEvent.pointerMove(slider, { clientX: 330 });
    expect(slider.getAttribute('aria-valuenow')).toBe('1');
  });

  it('groups by account on request, an unlabelled account by its short address', () => {
    const chart = show(history);
    fireEvent.click(within(chart).getByRole('radio', { name: 'By account' }));
    expect(legend()).toEqual(['Treasury€1,205.00', '0x2222…2222€250.50']);
    expect(
      [...chart.querySelectorAll('.value-plot__line')].map((line) => line.getAttribute('data-series-slot')),
    ).toEqual(['0', '1']);
  });

  it('gives the figures as a table, newest first', () => {
    const chart = show(history);
    const table = within(chart).getByRole('table', { name: /Value by network in EUR, newest first/ });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    expect(cells).toEqual([
      ['€1,200.00', '€250.50', '€5.00', '€1,455.50'],
      ['€1,200.00', '€250.50', '—', '€1,450.50'],
      ['€1,000.00', '€250.50', '—', '€1,250.50'],
    ]);
  });
});
