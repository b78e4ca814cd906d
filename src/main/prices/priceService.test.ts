import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CoinGeckoDouble, startCoinGeckoDouble } from '../../../test/prices/coinGeckoDouble';
import { ChecksumAddress } from '../store/address';
import { PriceService, PriceServiceError } from './priceService';

const NOW_S = 1_760_000_000;
const now = () => NOW_S * 1000;
const USDE = ChecksumAddress.parse('0x4c9EDD5852cd905f086C759E8383e09bff1E68B3');
const PEPE = ChecksumAddress.parse('0x6982508145454Ce325dDbE47a25d4ec3d2311933');
const OP_TOKEN = ChecksumAddress.parse('0x4200000000000000000000000000000000000042');

let double: CoinGeckoDouble;
beforeAll(async () => (double = await startCoinGeckoDouble()));
afterAll(() => double.close());
afterEach(() => {
  double.requests.length = 0;
  double.failWith(null);
});

const service = (options: ConstructorParameters<typeof PriceService>[0] = {}) =>
  new PriceService({ baseUrl: double.url, now, ...options });

describe('PriceService against a CoinGecko double', () => {
  it('prices contracts per platform and native coins by id, exactly as the JSON wrote them', async () => {
    double.setTokenPrice('ethereum', USDE, {
      prices: { eur: '0.8612345678901234567' },
      updatedAt: NOW_S - 30,
    });
    double.setTokenPrice('ethereum', PEPE, { prices: { eur: '8.6e-6' }, updatedAt: NOW_S - 40 });
    double.setTokenPrice('optimistic-ethereum', OP_TOKEN, { prices: { eur: '0.71' }, updatedAt: NOW_S - 50 });
    double.setCoinPrice('ethereum', { prices: { eur: '3120.5' }, updatedAt: NOW_S - 60 });
    double.setCoinPrice('polygon-ecosystem-token', { prices: { eur: '0.2' }, updatedAt: NOW_S - 70 });

    const quotes = await service().quotes(
      [
        { chainId: 1, token: USDE },
        { chainId: 1, token: PEPE },
        { chainId: 10, token: OP_TOKEN },
        { chainId: 10, token: 'native' },
        { chainId: 137, token: 'native' },
        { chainId: 31337, token: 'native' },
      ],
      'EUR',
    );

    expect(quotes).toEqual([
      { chainId: 1, token: USDE, currency: 'EUR', price: '0.8612345678901234567', updatedAt: NOW_S - 30 },
      { chainId: 1, token: PEPE, currency: 'EUR', price: '0.0000086', updatedAt: NOW_S - 40 },
      { chainId: 10, token: OP_TOKEN, currency: 'EUR', price: '0.71', updatedAt: NOW_S - 50 },
      { chainId: 10, token: 'native', currency: 'EUR', price: '3120.5', updatedAt: NOW_S - 60 },
      { chainId: 137, token: 'native', currency: 'EUR', price: '0.2', updatedAt: NOW_S - 70 },
    ]);
    // A local network CoinGecko does not list is never mentioned; one request per platform, one for coins.
    expect(double.requests).toEqual([
      {
        path: '/api/v3/simple/token_price/ethereum',
        params: {
          contract_addresses: `${USDE.toLowerCase()},${PEPE.toLowerCase()}`,
          vs_currencies: 'eur',
          include_last_updated_at: 'true',
        },
      },
      {
        path: '/api/v3/simple/token_price/optimistic-ethereum',
        params: {
          contract_addresses: OP_TOKEN.toLowerCase(),
          vs_currencies: 'eur',
          include_last_updated_at: 'true',
        },
      },
      {
        path: '/api/v3/simple/price',
        params: {
          ids: 'ethereum,polygon-ecosystem-token',
          vs_currencies: 'eur',
          include_last_updated_at: 'true',
        },
      },
    ]);
  });

  it('sends nothing when no token is on a network it lists', async () => {
    expect(await service().quotes([{ chainId: 31337, token: USDE }], 'USD')).toEqual([]);
    expect(double.requests).toHaveLength(0);
  });

  it('splits contracts into batches of the configured size', async () => {
    const tokens = Array.from({ length: 5 }, (_, i) => ({
      chainId: 8453,
      token: ChecksumAddress.parse(`0x${(i + 1).toString(16).padStart(40, '0')}`),
    }));
    await service({ batchSize: 2 }).quotes(tokens, 'USD');
    expect(double.requests.map((request) => request.params.contract_addresses?.split(',').length)).toEqual([
      2, 2, 1,
    ]);
  });

  it('leaves out a price that is zero, negative, undated or from the future', async () => {
    const refs = ['0', '-1', 'future', 'undated'].map((_, i) => ({
      chainId: 1,
      token: ChecksumAddress.parse(`0x${(i + 100).toString(16).padStart(40, '0')}`),
    }));
    const [zero, negative, future] = refs as [(typeof refs)[0], (typeof refs)[0], (typeof refs)[0]];
    double.setTokenPrice('ethereum', zero.token as string, { prices: { usd: '0' }, updatedAt: NOW_S });
    double.setTokenPrice('ethereum', negative.token as string, { prices: { usd: '-1' }, updatedAt: NOW_S });
    double.setTokenPrice('ethereum', future.token as string, {
      prices: { usd: '1' },
      updatedAt: NOW_S + 86_400,
    });
    double.setTokenPrice('ethereum', refs[3]?.token as string, { prices: { eur: '1' }, updatedAt: NOW_S });
    expect(await service().quotes(refs, 'USD')).toEqual([]);
  });

  it('takes a price only from a JSON number, never from a string that looks like one', async () => {
    double.failWith({
      status: 200,
      body: `{"${USDE.toLowerCase()}":{"usd":"1","last_updated_at":${NOW_S}},"${PEPE.toLowerCase()}":[]}`,
    });
    const quotes = await service().quotes(
      [
        { chainId: 1, token: USDE },
        { chainId: 1, token: PEPE },
      ],
      'USD',
    );
    expect(quotes).toEqual([]);
    expect(double.requests).toHaveLength(1);
  });

  it.each([
    [{ status: 429, body: '{}' }, /rate limiting requests \(HTTP 429\)/],
    [{ status: 500, body: 'oops' }, /answered token prices with HTTP 500/],
    [{ status: 200, body: '<html>' }, /not JSON/],
    [{ status: 200, body: '"prices"' }, /unexpected shape/],
    [{ status: 200, body: '[1,2]' }, /unexpected shape/],
  ])('refuses a bad answer (%j) with a clear error', async (reply, message) => {
    double.failWith(reply);
    const failure = service().quotes([{ chainId: 1, token: USDE }], 'USD');
    await expect(failure).rejects.toBeInstanceOf(PriceServiceError);
    await expect(failure).rejects.toThrow(message);
  });

  it('refuses an answer larger than its limit without reading it all', async () => {
    double.failWith({ status: 200, body: `{"pad":"${'x'.repeat(4096)}"}` });
    await expect(
      service({ maxResponseBytes: 1024 }).quotes([{ chainId: 1, token: USDE }], 'USD'),
    ).rejects.toThrow(/larger than 1024 bytes/);
  });

  it('gives up on a service that does not answer in time, naming the host only', async () => {
    const silent = new PriceService({
      baseUrl: 'https://api.coingecko.com/api/v3',
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    await expect(silent.quotes([{ chainId: 1, token: 'native' }], 'USD')).rejects.toThrow(
      'CoinGecko: api.coingecko.com did not answer within 50 ms.',
    );
  });
});
