import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { PortfolioView, ValueHistoryView } from '../../shared/portfolio';
import { createEventHub } from '../api/events';
import type { CallContext } from '../api/router';
import { createLogger } from '../log';
import { assetFeed } from '../prices/priceFeeds';
import { createPricesModule } from '../prices/pricesModule';
import { SettingsService } from '../settings/settingsService';
import { ChecksumAddress } from '../store/address';
import { SettingsRepository } from '../store/settingsRepository';
import { BalancesRepository } from './balancesRepository';
import { ChainDirectory } from './chainDirectory';
import { chainsHandlers } from './chainsHandlers';
import { Networks } from './networks';

const NOW = 1_800_000_000_000;
const ALICE = ChecksumAddress.parse('0x1111111111111111111111111111111111111111');
const ETH_USD = assetFeed(1, 'native')?.address as ChecksumAddress;
const context: CallContext = { sender: { origin: 'app://wallet', isMainFrame: true } };

describe('chainsHandlers: portfolio values', () => {
  const temp = useTempDatabase('chains-handlers-');
  let networks: Networks;
  let settings: SettingsService;
  let handlers: ReturnType<typeof chainsHandlers>;

  beforeEach(() => {
    const events = createEventHub();
    const log = createLogger('chains-handlers-test', () => undefined);
    const directory = new ChainDirectory(temp.db);
    settings = new SettingsService(
      new SettingsRepository(temp.db),
      events,
      log,
      (id) => !!directory.find(id),
    );
    const { pricing } = createPricesModule({ db: temp.db, log }, { settings, now: () => NOW });
    // One stored read of Ethereum, as a refresh leaves it: 2 ETH, and ETH/USD at 3,000 a minute old.
    const read = {
      chainId: 1,
      blockNumber: 5,
      blockTimestamp: NOW / 1000 - 12,
      entries: [{ account: ALICE, token: 'native' as const, amount: 2n * 10n ** 18n }],
      feeds: [
        { feed: ETH_USD, round: { answer: 300_000_000_000n, decimals: 8, updatedAt: NOW / 1000 - 60 } },
      ],
    };
    new BalancesRepository(temp.db).save(read, NOW);
    pricing.saveReadings(read, NOW);
    networks = new Networks({
      db: temp.db,
      directory,
      secrets: { names: () => [], get: async () => null, put: async () => {}, delete: () => false },
      settings,
      events,
      accounts: () => [ALICE],
      log,
      pollMs: 0,
      pricing,
    });
    handlers = chainsHandlers(networks, pricing);
  });
  afterEach(() => networks.close());

  it('answers portfolio.get with each holding’s value in the user’s currency, as the contract has it', async () => {
    const view = PortfolioView.parse(await handlers['portfolio.get'](undefined, context));
    expect(view.currency).toBe('USD');
    expect(view.values).toEqual([
      expect.objectContaining({
        chainId: 1,
        account: ALICE,
        token: 'native',
        state: 'priced',
        value: '6000',
      }),
    ]);

    settings.set({ fiatCurrency: 'EUR' });
    const euro = PortfolioView.parse(await handlers['portfolio.get'](undefined, context));
    expect(euro.currency).toBe('EUR');
    expect(euro.values[0]).toMatchObject({ state: 'no-price', value: null });
  });

  it('answers portfolio.valueHistory in the user’s currency', async () => {
    settings.set({ fiatCurrency: 'CHF' });
    const history = ValueHistoryView.parse(await handlers['portfolio.valueHistory'](undefined, context));
    expect(history).toEqual({ currency: 'CHF', points: [] });
  });
});
