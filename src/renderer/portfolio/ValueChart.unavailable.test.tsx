// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsoleErrors } from '../../../test/renderer/consoleErrors';
import { ALICE, FIXTURE_ACCOUNTS, fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { ValueChart } from './ValueChart';

// The plot's chunk fails to arrive while `missing`, then loads as it should; the real module is imported either
// way, so the load that succeeds does not wait on its first transform.
const chunk = vi.hoisted(() => ({ missing: true }));
vi.mock('./ValuePlot', async (importOriginal) => {
  const original = await importOriginal();
  if (chunk.missing) throw new TypeError('Failed to fetch dynamically imported module');
  return original;
});

const logged = captureConsoleErrors();
afterEach(() => {
  cleanup();
});

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 14, 12);

describe('ValueChart when its plot cannot load', () => {
  it('keeps the legend and the table, says so in the plot’s place, and draws it on Reload', async () => {
    render(
      <ValueChart
        history={{
          currency: 'EUR',
          points: [0, 1, 2].map((hours) => ({
            at: T0 + hours * HOUR,
            chainId: 1,
            account: ALICE,
            value: String(10 + hours),
            unpriced: 0,
          })),
        }}
        view={fixturePortfolio()}
        accounts={FIXTURE_ACCOUNTS}
      />,
    );
    const chart = screen.getByRole('region', { name: 'Value over time' });
    await within(chart).findByText('The chart could not be drawn. The table below has the same figures.');
    expect(within(chart).getByRole('table')).toBeTruthy();
    expect(within(chart).getByRole('list', { name: 'Latest value' })).toBeTruthy();
    expect(logged()).toHaveBeenCalledWith('The value chart could not load:', expect.anything());

    chunk.missing = false;
    fireEvent.click(within(chart).getByRole('button', { name: 'Reload the chart' }));
    await within(chart).findByRole('slider', {}, { timeout: 5000 });
    expect(within(chart).queryByText(/could not be drawn/)).toBeNull();
  });
});
