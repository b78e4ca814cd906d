import { describe, expect, it } from 'vitest';
import type { FiatCurrency } from '../../shared/settings';
import { createLogger } from '../log';
import { ChecksumAddress } from '../store/address';
import { assetFeed } from './priceFeeds';
import { PriceServiceError, type TokenRef } from './priceService';
import type { ServiceQuote } from './serviceQuote';
import { ServiceQuoteStore } from './serviceQuoteStore';

const USDC = ChecksumAddress.parse('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
const USDE = ChecksumAddress.parse('0x4c9EDD5852cd905f086C759E8383e09bff1E68B3');
const PEPE = ChecksumAddress.parse('0x6982508145454Ce325dDbE47a25d4ec3d2311933');

/** A price service that answers from a table and records what it was asked. */
function scriptedService(prices: Map<string, string>) {
  const asked: TokenRef[][] = [];
  let failure: Error | null = null;
  return {
    asked,
    fail: (error: Error | null) => (failure = error),
    async quotes(tokens: readonly TokenRef[], currency: FiatCurrency): Promise<ServiceQuote[]> {
      asked.push([...tokens]);
      if (failure) throw failure;
      return tokens.flatMap((ref) => {
        const price = prices.get(`${ref.chainId}:${ref.token}`);
        return price ? [{ ...ref, currency, price, updatedAt: 1_760_000_000 }] : [];
      });
    },
  };
}

function setup() {
  const prices = new Map([
    [`1:${USDE}`, '0.999'],
    [`1:${PEPE}`, '0.0000086'],
  ]);
  const service = scriptedService(prices);
  const logs: Record<string, unknown>[] = [];
  const clock = { ms: 1_760_000_000_000 };
  const log = createLogger('prices', (line) => logs.push(JSON.parse(line)));
  const store = new ServiceQuoteStore(service, log, { now: () => clock.ms, askIntervalMs: 60_000 });
  /** A minute on: every token is due again. */
  const later = () => (clock.ms += 60_000);
  return { prices, service, store, logs, clock, later };
}

describe('ServiceQuoteStore', () => {
  it('never sends a token that has an on-chain feed', async () => {
    const { service, store } = setup();
    expect(assetFeed(1, USDC)).toBeDefined();
    expect(assetFeed(1, 'native')).toBeDefined();
    await store.refresh({
      tokens: [
        { chainId: 1, token: USDC },
        { chainId: 1, token: 'native' },
        { chainId: 1, token: USDE },
      ],
      currency: 'USD',
    });
    expect(service.asked).toEqual([[{ chainId: 1, token: USDE }]]);
    expect(store.quotes('USD')).toEqual([
      { chainId: 1, token: USDE, currency: 'USD', price: '0.999', updatedAt: 1_760_000_000 },
    ]);
  });

  it('asks nothing when every token has a feed', async () => {
    const { service, store } = setup();
    await store.refresh({ tokens: [{ chainId: 1, token: USDC }], currency: 'USD' });
    expect(service.asked).toEqual([]);
  });

  it('drops the quote of a token the service no longer prices', async () => {
    const { prices, store, later } = setup();
    const tokens = [
      { chainId: 1, token: USDE },
      { chainId: 1, token: PEPE },
    ];
    await store.refresh({ tokens, currency: 'USD' });
    prices.delete(`1:${PEPE}`);
    later();
    await store.refresh({ tokens, currency: 'USD' });
    expect(store.quotes('USD').map((quote) => quote.token)).toEqual([USDE]);
  });

  it('keeps the previous quotes, with their age, when the service fails, and logs why', async () => {
    const { service, store, logs, later } = setup();
    await store.refresh({ tokens: [{ chainId: 1, token: USDE }], currency: 'USD' });
    later();
    service.fail(new PriceServiceError('api.coingecko.com answered token prices with HTTP 500.'));
    await expect(
      store.refresh({ tokens: [{ chainId: 1, token: USDE }], currency: 'USD' }),
    ).resolves.toBeUndefined();
    expect(store.quotes('USD')).toHaveLength(1);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'the price service could not be asked for prices',
        error: 'CoinGecko: api.coingecko.com answered token prices with HTTP 500.',
      }),
    ]);
  });

  it('asks about a token at most once a minute, answered or not, however often it is refreshed', async () => {
    const { service, store, clock } = setup();
    const usde = { chainId: 1, token: USDE };
    const pepe = { chainId: 1, token: PEPE };
    service.fail(new PriceServiceError('api.coingecko.com is rate limiting requests (HTTP 429).'));
    await store.refresh({ tokens: [usde], currency: 'USD' });
    service.fail(null);
    clock.ms += 59_999;
    await store.refresh({ tokens: [usde, pepe], currency: 'USD' });
    clock.ms += 1;
    await store.refresh({ tokens: [usde, pepe], currency: 'USD' });
    expect(service.asked).toEqual([[usde], [pepe], [usde]]);
    expect(
      store
        .quotes('USD')
        .map((quote) => quote.token)
        .sort(),
    ).toEqual([USDE, PEPE].sort());
  });

  it('holds quotes for the last currency asked only', async () => {
    const { store } = setup();
    await store.refresh({ tokens: [{ chainId: 1, token: USDE }], currency: 'USD' });
    await store.refresh({ tokens: [{ chainId: 1, token: USDE }], currency: 'EUR' });
    expect(store.quotes('USD')).toEqual([]);
    expect(store.quotes('EUR').map((quote) => quote.currency)).toEqual(['EUR']);
  });

  it('passes a cancellation on rather than logging it', async () => {
    const { service, store, logs } = setup();
    const controller = new AbortController();
    controller.abort();
    service.fail(new DOMException('cancelled', 'AbortError'));
    await expect(
      store.refresh({ tokens: [{ chainId: 1, token: USDE }], currency: 'USD', signal: controller.signal }),
    ).rejects.toThrow('cancelled');
    expect(logs).toEqual([]);
    // Nothing was learnt, so the next refresh asks again at once.
    service.fail(null);
    await store.refresh({ tokens: [{ chainId: 1, token: USDE }], currency: 'USD' });
    expect(service.asked).toHaveLength(2);
  });
});
