import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { createLogger } from '../../src/main/log';
import type { PortfolioView } from '../../src/shared/portfolio';
import {
  ANVIL_DEV_ACCOUNT,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  setNativeBalances,
  setTokenBalances,
} from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { useSecretService } from '../keychain/useSecretService';
import { type CoinGeckoDouble, startCoinGeckoDouble } from './coinGeckoDouble';

const ORIGIN = 'http://127.0.0.1:1';
const own = { origin: ORIGIN, isMainFrame: true };
/** OP Mainnet: the feed registry prices nothing there, so its ETH and tokens can only get a service price. */
const OP = 10;
const TOKEN = fixtureAddress('token', OP, 'unfed');

describe('the price service, through the whole core', () => {
  useSecretService();
  const nodes = useAnvilChains([OP]);
  let double: CoinGeckoDouble;
  let dir: string;
  let core: Core;
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await core.router.invoke(channel, payload, own);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as T;
  };
  const valueOf = (portfolio: PortfolioView, token: string) =>
    portfolio.values.find((value) => value.chainId === OP && value.token === token);

  beforeAll(async () => {
    const url = nodes[0]?.url as string;
    double = await startCoinGeckoDouble();
    const updatedAt = Math.floor(Date.now() / 1000) - 60;
    double.setCoinPrice('ethereum', { prices: { usd: '3000.5' }, updatedAt });
    double.setTokenPrice('optimistic-ethereum', TOKEN, { prices: { usd: '1.25e-1' }, updatedAt });
    await deployMulticall3(url);
    await setNativeBalances(url, [[ANVIL_DEV_ACCOUNT, 2n * 10n ** 18n]]);
    await deployToken(url, TOKEN, {
      symbol: 'UNFED',
      name: 'Unfed Token',
      decimals: 6,
      totalSupply: 10n ** 12n,
    });
    await setTokenBalances(url, TOKEN, [[ANVIL_DEV_ACCOUNT, 4_000_000n]]);

    dir = mkdtempSync(join(tmpdir(), 'price-service-'));
    core = createCore({
      dataDir: dir,
      app: { name: 'Ledgerline-price-service-test', version: '0.0.0-test', host: 'browser' },
      electronVersion: null,
      trustedOrigins: [ORIGIN],
      log: createLogger('price-service', () => undefined),
      chainPollMs: 0,
      historyPollMs: 0,
      txPollMs: 0,
      syncPollMs: 0,
      priceServiceUrl: double.url,
    });
    // Only the local node is enabled, so nothing is sent anywhere but this machine.
    await call('settings.set', { enabledChainIds: [OP], activeChainId: OP });
    await call('chains.setRpc', { chainId: OP, urls: [url] });
    await call('tokens.add', { chainId: OP, address: TOKEN });
    await call('accounts.addWatch', { address: ANVIL_DEV_ACCOUNT, label: 'Dev' });
  });
  afterAll(async () => {
    core?.close();
    await double?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is off by default: a full refresh sends it no request, and tokens with no feed have no price', async () => {
    expect(await call('settings.get')).toMatchObject({ priceService: false });
    await call('portfolio.refresh');
    const portfolio = await call<PortfolioView>('portfolio.get');
    expect(valueOf(portfolio, 'native')).toMatchObject({ state: 'no-price', value: null, sources: [] });
    expect(valueOf(portfolio, TOKEN)).toMatchObject({ state: 'no-price', value: null, sources: [] });
    expect(double.requests).toEqual([]);
  });

  it('once turned on, prices tokens with no feed from the service, saying so', async () => {
    await call('settings.set', { priceService: true });
    await call('portfolio.refresh');
    const portfolio = await call<PortfolioView>('portfolio.get');
    expect(valueOf(portfolio, 'native')).toMatchObject({
      state: 'priced',
      unitPrice: '3000.5',
      value: '6001',
      sources: [{ kind: 'service', name: 'CoinGecko' }],
    });
    expect(valueOf(portfolio, TOKEN)).toMatchObject({
      state: 'priced',
      unitPrice: '0.125',
      value: '0.5',
      sources: [{ kind: 'service', name: 'CoinGecko' }],
    });
    // It was told the token's contract, the network and the currency; never the account.
    expect(double.requests.map((request) => request.path).sort()).toEqual([
      '/api/v3/simple/price',
      '/api/v3/simple/token_price/optimistic-ethereum',
    ]);
    expect(JSON.stringify(double.requests).toLowerCase()).not.toContain(ANVIL_DEV_ACCOUNT.toLowerCase());
  });
});
