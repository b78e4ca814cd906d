import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anvilCall, setNativeBalances } from '../../../test/anvil/chainSetup';
import {
  fixtureAccounts,
  fixtureAmount,
  localChain,
  openWalletDatabase,
  seedPortfolio,
  type WalletDatabase,
} from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { placePriceFeed, setFeedRound } from '../../../test/contracts/priceFeedStandIn';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { ChainsService } from '../chains/chainsService';
import { createLogger } from '../log';
import { ChecksumAddress } from '../store/address';
import { assetFeed, type PriceFeed } from './priceFeeds';
import { createPricesModule } from './pricesModule';

const nodes = useAnvilChains([1]);
const [ALICE] = fixtureAccounts(1) as [ChecksumAddress];
const [USDC, USDT, DAI, WETH, WBTC] = [
  '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  '0xdAC17F958D2ee523a2206206994597C13D831ec7',
  '0x6B175474E89094C44Da98b954EedeAC495271d0F',
  '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599',
].map((address) => ChecksumAddress.parse(address)) as [
  ChecksumAddress,
  ChecksumAddress,
  ChecksumAddress,
  ChecksumAddress,
  ChecksumAddress,
];
const ETH_USD = assetFeed(1, 'native') as PriceFeed;
const DAI_USD = assetFeed(1, DAI) as PriceFeed;
const NOW = 1_800_000_000_000;
const NOW_S = NOW / 1000;
const url = () => nodes[0]?.url as string;

beforeAll(async () => {
  // USDC (0), USDT, DAI, WETH and WBTC at their real addresses, holding fixtureAmount(0, index).
  const { tokens } = await seedPortfolio(url(), 1, [ALICE], 5);
  expect(tokens).toEqual([USDC, USDT, DAI, WETH, WBTC]);
  await setNativeBalances(url(), [[ALICE, 2_500_000_000_000_000_000n]]);
  await placePriceFeed(url(), DAI_USD.address, { answer: 100_020_000n, decimals: 8, updatedAt: NOW_S - 600 });
  await anvilCall(url(), 'evm_mine');
});

let wallet: WalletDatabase | undefined;
let service: ChainsService | undefined;
let clock = NOW;
afterEach(() => {
  service?.close();
  wallet?.close();
  clock = NOW;
});

function prices(settings: Partial<Settings> = {}) {
  wallet = openWalletDatabase();
  const log = createLogger('prices', () => {});
  const requests: string[] = [];
  const { pricing } = createPricesModule(
    { db: wallet.db, log },
    {
      settings: { get: () => ({ ...DEFAULT_SETTINGS, ...settings }) },
      priceService: {
        baseUrl: 'http://127.0.0.1:9/api/v3',
        fetch: (input) => {
          requests.push(String(input));
          return Promise.resolve(new Response('{}', { status: 503 }));
        },
      },
      now: () => clock,
    },
  );
  service = new ChainsService({
    db: wallet.db,
    chains: [localChain(1, url())],
    accounts: () => [ALICE],
    log,
    rpc: { timeoutMs: 5_000, retry: { attempts: 1 } },
    pricing,
    now: () => clock,
  });
  const valued = (chains: ChainsService) => pricing.value(chains.portfolio()).values;
  return { service, pricing, requests, valued };
}

describe('prices read with the balances, on a node', () => {
  it('shows a feed past its heartbeat as stale, not as a value, and values it once the feed is fresh', async () => {
    const { service, pricing, valued } = prices();
    await placePriceFeed(url(), ETH_USD.address, {
      answer: 300_012_345_678n,
      decimals: 8,
      updatedAt: NOW_S - 2 * 3600,
    });
    await service.refresh();
    const native = () => valued(service).find((value) => value.token === 'native');
    expect(native()).toMatchObject({
      state: 'stale',
      value: null,
      unitPrice: null,
      reason: 'ETH/USD last updated 2 h ago; it updates at least every 1 h.',
      sources: [{ kind: 'oracle', pair: 'ETH/USD', feed: ETH_USD.address, updatedAt: NOW_S - 2 * 3600 }],
    });
    // A fixture amount above 2^53: 1.000000000002000023 DAI × 1.0002, cut to 8 decimals.
    expect(fixtureAmount(0, 2)).toBe(1_000_000_000_002_000_023n);
    expect(valued(service).find((value) => value.token === DAI)).toMatchObject({
      state: 'priced',
      value: '1.0002',
      unitPrice: '1.0002',
    });
    // No stand-in at USDT/USD's address: the feed cannot be read, and that says so rather than guessing.
    expect(valued(service).find((value) => value.token === USDT)?.reason).toBe(
      'USDT/USD on Ethereum could not be read.',
    );
    expect(valued(service).find((value) => value.token === WBTC)?.reason).toBe(
      'No price feed for WBTC on Ethereum.',
    );

    clock += 10 * 60_000;
    await setFeedRound(url(), ETH_USD.address, {
      answer: 300_012_345_678n,
      decimals: 8,
      updatedAt: clock / 1000 - 60,
    });
    await service.refresh();
    expect(native()).toMatchObject({
      state: 'priced',
      // 2.5 × 3000.12345678 exactly.
      value: '7500.30864195',
      unitPrice: '3000.12345678',
      reason: null,
    });

    // Each refresh left a snapshot: the priced holdings' sum (ETH, WETH and DAI at last), and how many held
    // ones were left out (USDT and WBTC, whose feeds are unreadable or missing). Alice holds no USDC, and a
    // zero balance is never counted as left out.
    expect(pricing.valueHistory().points).toEqual([
      { at: NOW, chainId: 1, account: ALICE, value: '1.0002', unpriced: 4 },
      { at: clock, chainId: 1, account: ALICE, value: '10501.43229873', unpriced: 2 },
    ]);
  });

  it('asks the price service nothing while it is off, and only about tokens without a feed when on', async () => {
    const off = prices();
    await off.service.refresh();
    expect(off.requests).toEqual([]);
    service?.close();
    wallet?.close();

    const on = prices({ priceService: true });
    await on.service.refresh();
    // WBTC is the one token held with no feed on Ethereum (USDC's balance is 0): only its contract is sent.
    expect(on.requests).toHaveLength(1);
    expect(on.requests[0]).toContain(WBTC.toLowerCase());
    expect(on.requests[0]?.toLowerCase()).not.toContain(ALICE.toLowerCase());
    // The service failed: WBTC stays without a price, and the refresh itself did not fail.
    expect(on.service.status()[0]?.state).toBe('ok');
  });
});
