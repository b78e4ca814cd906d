import type { Settings } from '../../shared/settings';
import type { Portfolio, PortfolioPricing } from '../chains/chainsService';
import type { CoreBase } from '../coreBase';
import { FeedReadingsRepository } from './feedReadingsRepository';
import { PortfolioValuer } from './portfolioValuer';
import { assetFeed, feedAddressesOnChain } from './priceFeeds';
import { PriceService, type PriceServiceOptions, type TokenRef } from './priceService';
import { ServiceQuoteStore } from './serviceQuoteStore';
import { ValueSnapshots } from './valueSnapshots';
import { ValueSnapshotsRepository } from './valueSnapshotsRepository';

export interface PricesModuleDeps {
  settings: { get(): Settings };
  /** Where the optional price service is reached; CoinGecko's public API by default, a double in tests. */
  priceService?: Pick<PriceServiceOptions, 'baseUrl' | 'fetch'>;
  /** Milliseconds. */
  now?: () => number;
  /** The least time between two value snapshots of a series that moved; a minute unless a test sets it. */
  snapshotFloorMs?: number;
}

/**
 * Prices for the portfolio: the feed readings stored with each chain read, the optional price service's
 * quotes, the values made of them, and the value history. Chains reach all of it as `PortfolioPricing`.
 */
export function createPricesModule(
  base: Pick<CoreBase, 'db' | 'log'>,
  deps: PricesModuleDeps,
): { pricing: PortfolioPricing } {
  const { db, log } = base;
  const { settings } = deps;
  const now = deps.now ?? Date.now;
  const readings = new FeedReadingsRepository(db);
  const quotes = new ServiceQuoteStore(new PriceService({ ...deps.priceService, now }), log);
  const valuer = new PortfolioValuer({ readings, quotes, settings, now });
  const snapshots = new ValueSnapshots(new ValueSnapshotsRepository(db), deps.snapshotFloorMs);

  return {
    pricing: {
      feeds: feedAddressesOnChain,
      saveReadings: (read, readAt) => readings.save(read, readAt),
      value: (portfolio) => valuer.value(portfolio),
      async refreshed(portfolio, signal) {
        const { fiatCurrency: currency, priceService } = settings.get();
        // The service hears of nothing unless the user turned it on, and then only of tokens with no feed.
        if (priceService) await quotes.refresh({ tokens: unfedHoldings(portfolio), currency, signal });
        const held = new Set(heldInNonzeroAmount(portfolio).map(holdingKey));
        const valued = valuer.value(portfolio);
        snapshots.record(
          valued.values.map((value) => ({ ...value, held: held.has(holdingKey(value)) })),
          currency,
          now(),
        );
        return valued;
      },
      valueHistory: () => snapshots.history(settings.get().fiatCurrency),
    },
  };
}

const holdingKey = (holding: Pick<Portfolio['holdings'][number], 'chainId' | 'account' | 'token'>) =>
  `${holding.chainId}|${holding.account}|${holding.token}`;

const heldInNonzeroAmount = ({ holdings }: Portfolio) =>
  holdings.filter((holding) => holding.amount !== null && holding.amount !== '0');

/** Each token held in a nonzero amount that no feed prices, once. */
function unfedHoldings(portfolio: Portfolio): TokenRef[] {
  const unique = new Map(
    heldInNonzeroAmount(portfolio)
      .filter((holding) => !assetFeed(holding.chainId, holding.token))
      .map(({ chainId, token }) => [`${chainId}|${token}`, { chainId, token }]),
  );
  return [...unique.values()];
}
