import { parseUnits } from 'ethers/utils';
import { describe, expect, it } from 'vitest';
import { readBalances } from '../../src/main/chains/balanceReader';
import { feedAddressesOnChain, feedsOnChain, sequencerFeed } from '../../src/main/prices/priceFeeds';
import { RpcClient } from '../../src/main/rpc/rpcClient';
import { MULTICALL3_ADDRESS } from '../../src/shared/chains/registry';
import { useAnvilChains } from '../../test/anvil/useAnvilChains';
import {
  DEMO_CHAIN_IDS,
  DEMO_FEED_DECIMALS,
  DEMO_PRICES,
  DEMO_STALE_AGE_SECONDS,
  DEMO_TOKENS,
  demoPrice,
  demoToken,
  LOOK_ALIKE,
} from './demoPortfolio';
import { DEMO_SEQUENCER_UP_SECONDS, seedPrices, startPriceKeeper } from './demoPrices';

const nodes = useAnvilChains(DEMO_CHAIN_IDS);
const url = (chainId = 1) => nodes.find((node) => node.chainId === chainId)?.url as string;
const START_MS = 1_760_000_000_000;
const START = START_MS / 1000;

/** The feeds of a chain's registry as the wallet reads them, by pair, and its sequencer's as `sequencer`. */
async function readFeeds(chainId = 1) {
  const client = new RpcClient({
    chainId,
    chainName: `chain ${chainId}`,
    urls: [url(chainId)],
    retry: { attempts: 1 },
  });
  const feeds = feedAddressesOnChain(chainId);
  const read = await readBalances(
    client,
    MULTICALL3_ADDRESS,
    'latest',
    { accounts: [], tokens: [], feeds },
    {
      maxCalldataBytes: 10_000,
    },
  );
  const names = [
    ...feedsOnChain(chainId).map((feed) => feed.pair),
    ...(sequencerFeed(chainId) ? ['sequencer'] : []),
  ];
  return new Map(names.map((name, i) => [name, read.feeds[i]?.round ?? null]));
}

describe('the demo prices', () => {
  it('places every price at its registry address, the stale one hours old, read by the wallet', async () => {
    for (const chainId of DEMO_CHAIN_IDS) {
      await seedPrices(url(chainId), chainId, START_MS);
      const rounds = await readFeeds(chainId);
      const prices = DEMO_PRICES.filter((entry) => entry.chainId === chainId);
      expect(prices.map((price) => price.pair)).toEqual(
        expect.arrayContaining(['ETH/USD', 'USDC/USD', 'DAI/USD']),
      );
      for (const price of prices) {
        expect(rounds.get(price.pair)).toEqual({
          answer: parseUnits(price.answer, DEMO_FEED_DECIMALS),
          decimals: DEMO_FEED_DECIMALS,
          updatedAt: price.stale ? START - DEMO_STALE_AGE_SECONDS : START,
        });
      }
    }
    expect(DEMO_PRICES.filter((entry) => entry.stale).map((entry) => [entry.chainId, entry.pair])).toEqual([
      [1, 'DAI/USD'],
    ]);
    // The rollups' sequencers have been up for a day, past their grace period, so their prices count.
    for (const chainId of [42161, 8453]) {
      expect((await readFeeds(chainId)).get('sequencer')).toEqual({
        answer: 0n,
        decimals: 0,
        updatedAt: START - DEMO_SEQUENCER_UP_SECONDS,
      });
    }
    expect((await readFeeds(1)).has('sequencer')).toBe(false);
    // Feeds the demo does not place read as unreadable, never as a price.
    const ethereum = await readFeeds(1);
    expect(ethereum.get('USDT/USD')).toBeNull();
    expect(ethereum.get('EUR/USD')?.answer).toBe(108_000_000n);
  });

  it('keeps the fresh feeds fresh and leaves the stale one stale', async () => {
    await seedPrices(url(), 1, START_MS);
    const later = START_MS + 600_000;
    const keeper = startPriceKeeper([{ chainId: 1, url: url() }], 50, () => later);
    try {
      await expect
        .poll(async () => (await readFeeds()).get('ETH/USD')?.updatedAt, { timeout: 5_000, interval: 50 })
        .toBe(later / 1000);
      const rounds = await readFeeds();
      expect(rounds.get('EUR/USD')?.updatedAt).toBe(later / 1000);
      expect(rounds.get('DAI/USD')?.updatedAt).toBe(START - DEMO_STALE_AGE_SECONDS);
    } finally {
      await keeper.stop();
    }
  });

  it('says which demo tokens have a price: not USDC.e nor the look-alike', () => {
    expect(demoPrice(demoToken(1, 'ETH'))).toMatchObject({ pair: 'ETH/USD', answer: '3000', stale: false });
    expect(demoPrice(demoToken(1, 'DAI'))).toMatchObject({ pair: 'DAI/USD', stale: true });
    expect(demoPrice(demoToken(8453, 'USDC'))).toMatchObject({ chainId: 8453, pair: 'USDC/USD' });
    const unpriced = DEMO_TOKENS.filter((token) => demoPrice(token) === null);
    expect(unpriced).toEqual([LOOK_ALIKE, demoToken(42161, 'USDC.e')]);
  });
});
