// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HoldingValueView } from '../../shared/portfolio';
import { fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { HoldingsChart } from './HoldingsChart';
import type { ChainTotals } from './portfolioModel';
import type { ValueTotal } from './valueTotals';

afterEach(cleanup);

const [ethereum, arbitrum, base] = fixturePortfolio().chains;
const holdingValue = (state: HoldingValueView['state']): HoldingValueView => ({
  chainId: 1,
  account: '0x1111111111111111111111111111111111111111',
  token: 'native',
  state,
  value: state === 'priced' ? '1' : null,
  unitPrice: state === 'priced' ? '1' : null,
  sources: [],
  reason: state === 'priced' ? null : 'No price feed covers this token.',
});
const totals = (chain: typeof ethereum, positions: number, value: ValueTotal): ChainTotals => {
  if (!chain) throw new Error('the fixture has three chains');
  return { chain, native: null, tokensHeld: 0, positions, value };
};

describe('HoldingsChart', () => {
  it('draws each network’s priced value to scale and counts what it could not value', () => {
    render(
      <HoldingsChart
        currency="GBP"
        chains={[
          totals(ethereum, 3, { sum: '3000.5', priced: [holdingValue('priced')], unpriced: [], unread: 0 }),
          totals(arbitrum, 2, {
            sum: '750.125',
            priced: [holdingValue('priced')],
            unpriced: [holdingValue('stale')],
            unread: 1,
          }),
          totals(base, 1, { sum: '0', priced: [], unpriced: [holdingValue('no-price')], unread: 0 }),
        ]}
      />,
    );
    const chart = screen.getByRole('region', { name: 'Value by network' });
    const rows = within(chart)
      .getAllByRole('listitem')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'Ethereum£3,000.503 balances',
      'Arbitrum One£750.122 balances, 2 not valued',
      'Baseno price1 balance, 1 not valued',
    ]);
    const widths = [...chart.querySelectorAll('.chart__fill')].map((bar) =>
      Number(bar.getAttribute('width')),
    );
    expect(widths[0]).toBe(100);
    expect(widths[1]).toBeCloseTo(25, 1);
    expect(widths[2]).toBe(0);
  });
});
