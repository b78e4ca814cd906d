import { describe, expect, it } from 'vitest';
import { ShownPortfolio } from './shownPortfolio';

const portfolio = (readAt: number, amount: string) => ({
  chains: [{ chainId: 10, lastRead: { blockNumber: readAt, readAt } }],
  holdings: [{ chainId: 10, token: '0xtoken', amount }],
});

describe('ShownPortfolio', () => {
  it('says a portfolio changed when anything but its chain statuses did', () => {
    const shown = new ShownPortfolio();
    expect(shown.portfolioChanged(portfolio(1, '5'))).toBe(true);
    expect(shown.portfolioChanged(portfolio(2, '5'))).toBe(false);
    expect(shown.portfolioChanged(portfolio(3, '6'))).toBe(true);
    expect(shown.portfolioChanged(portfolio(4, '6'))).toBe(false);
  });

  it('says values changed when their content did, not their identity', () => {
    const shown = new ShownPortfolio();
    const values = { currency: 'USD', values: [{ value: '1' }] };
    expect(shown.valuesChanged(values)).toBe(true);
    expect(shown.valuesChanged({ ...values })).toBe(false);
    expect(shown.valuesChanged({ currency: 'EUR', values: [{ value: '1' }] })).toBe(true);
    expect(shown.valuesChanged(null)).toBe(true);
    expect(shown.valuesChanged(undefined)).toBe(false);
  });

  it('says both changed after it was told to forget what was shown', () => {
    const shown = new ShownPortfolio();
    shown.portfolioChanged(portfolio(1, '5'));
    shown.valuesChanged(null);
    shown.forget();
    expect(shown.portfolioChanged(portfolio(1, '5'))).toBe(true);
    expect(shown.valuesChanged(null)).toBe(true);
    expect(shown.portfolioChanged(portfolio(1, '5'))).toBe(false);
  });
});
