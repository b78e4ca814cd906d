import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoinGeckoDouble, startCoinGeckoDouble } from './coinGeckoDouble';

const USDE = '0x4c9EDD5852cd905f086C759E8383e09bff1E68B3';

describe('the CoinGecko double', () => {
  let double: CoinGeckoDouble;
  beforeAll(async () => (double = await startCoinGeckoDouble()));
  afterAll(() => double.close());

  const get = async (path: string) => {
    const response = await fetch(`${double.url}${path}`);
    return { status: response.status, text: await response.text() };
  };

  it('answers token prices by lower-case contract, in the requested currencies only, as written', async () => {
    double.setTokenPrice('ethereum', USDE, {
      prices: { usd: '1.0001', eur: '8.6e-1' },
      updatedAt: 1_700_000_000,
    });
    expect(
      await get(`/simple/token_price/ethereum?contract_addresses=${USDE},0x01&vs_currencies=eur`),
    ).toEqual({
      status: 200,
      text: `{"${USDE.toLowerCase()}":{"eur":8.6e-1,"last_updated_at":1700000000}}`,
    });
    expect(await get(`/simple/token_price/base?contract_addresses=${USDE}&vs_currencies=usd`)).toEqual({
      status: 200,
      text: '{}',
    });
  });

  it('answers coin prices by id, and counts every request', async () => {
    double.setCoinPrice('ethereum', { prices: { usd: '3000' }, updatedAt: 1_700_000_001 });
    const before = double.requests.length;
    expect(await get('/simple/price?ids=ethereum,bitcoin&vs_currencies=usd')).toEqual({
      status: 200,
      text: '{"ethereum":{"usd":3000,"last_updated_at":1700000001}}',
    });
    expect(double.requests.slice(before)).toEqual([
      { path: '/api/v3/simple/price', params: { ids: 'ethereum,bitcoin', vs_currencies: 'usd' } },
    ]);
  });

  it('refuses what CoinGecko refuses, and fails on demand', async () => {
    expect((await get('/simple/price?ids=ethereum')).status).toBe(400);
    expect((await get('/coins/list')).status).toBe(404);
    double.failWith({ status: 429, body: '{"status":{"error_code":429}}' });
    expect(await get('/simple/price?ids=ethereum&vs_currencies=usd')).toEqual({
      status: 429,
      text: '{"status":{"error_code":429}}',
    });
    double.failWith(null);
    expect((await get('/simple/price?ids=ethereum&vs_currencies=usd')).status).toBe(200);
  });
});
