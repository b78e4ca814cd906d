import type { FiatCurrency, Settings } from '../../shared/settings';
import type { Portfolio } from '../chains/chainsService';
import type { ServiceQuote } from './serviceQuote';
import { type FeedReading, type HoldingValue, valueHoldings } from './valuation';

export interface PortfolioValuerOptions {
  readings: { all(): FeedReading[] };
  /** The price service's quotes; asked only while the user has the service on. */
  quotes?: { quotes(currency: FiatCurrency): ServiceQuote[] };
  settings: { get(): Settings };
  /** Milliseconds. */
  now: () => number;
}

/** Values a portfolio's holdings from the stored feed readings and, if the user allows it, service quotes. */
export class PortfolioValuer {
  constructor(private readonly options: PortfolioValuerOptions) {}

  value(portfolio: Portfolio): { currency: FiatCurrency; values: HoldingValue[] } {
    const { readings, quotes, settings, now } = this.options;
    const { fiatCurrency: currency, priceService } = settings.get();
    const names = new Map(portfolio.chains.map((chain) => [chain.chainId, chain.name]));
    const values = valueHoldings({
      holdings: portfolio.holdings,
      tokens: portfolio.tokens,
      readings: readings.all(),
      quotes: priceService && quotes ? quotes.quotes(currency) : [],
      currency,
      now: now(),
      // The portfolio's own names cover networks the user added, which the registry does not know.
      chainName: (chainId) => names.get(chainId),
    });
    return { currency, values };
  }
}
