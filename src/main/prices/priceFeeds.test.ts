import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_LISTS } from '../chains/tokenList';
import { ChecksumAddress } from '../store/address';
import {
  ASSET_FEEDS,
  assetFeed,
  CURRENCY_FEEDS,
  currencyFeed,
  feedAddressesOnChain,
  feedsOnChain,
  sequencerFeed,
} from './priceFeeds';

describe('price feed registry', () => {
  it('prices each listed token only with the feed of that very token, by the bundled list’s address', () => {
    for (const feed of ASSET_FEEDS) {
      const base = feed.pair.split('/')[0];
      for (const asset of feed.assets.filter((entry) => entry !== 'native')) {
        const listed = DEFAULT_TOKEN_LISTS.get(feed.chainId)?.tokens.find(
          (token) => token.address.toLowerCase() === asset.toLowerCase(),
        );
        // WETH is priced by ETH/USD; every other token by its own symbol's feed.
        expect(listed?.symbol.replace(/^WETH$/, 'ETH'), `${asset} on ${feed.chainId}`).toBe(base);
      }
    }
  });

  it('leaves bridged variants and tokens without a feed unpriced rather than borrowing a look-alike feed', () => {
    const bridgedUsdc = DEFAULT_TOKEN_LISTS.get(42161)?.tokens.find((token) => token.symbol === 'USDC.e');
    expect(assetFeed(42161, ChecksumAddress.parse(bridgedUsdc?.address))).toBeUndefined();
  });

  it('has one feed per pair and chain, and one asset in one feed at most', () => {
    const pairs = ASSET_FEEDS.map((feed) => `${feed.chainId}:${feed.pair}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const assets = ASSET_FEEDS.flatMap((feed) => feed.assets.map((asset) => `${feed.chainId}:${asset}`));
    expect(new Set(assets).size).toBe(assets.length);
  });

  it('reads the currency rates on Ethereum with its asset feeds, and only there', () => {
    expect(feedsOnChain(1).map((feed) => feed.pair)).toEqual([
      'ETH/USD',
      'USDC/USD',
      'DAI/USD',
      'USDT/USD',
      'EUR/USD',
      'GBP/USD',
      'CHF/USD',
      'JPY/USD',
    ]);
    expect(feedsOnChain(8453).map((feed) => feed.pair)).toEqual(['ETH/USD', 'USDC/USD', 'DAI/USD']);
    expect(CURRENCY_FEEDS.every((feed) => feed.chainId === 1)).toBe(true);
    expect(currencyFeed('USD')).toBeUndefined();
    expect(currencyFeed('EUR')?.address).toBe('0xb49f677943BC038e9857d61E7d053CaA2C1734C1');
  });

  it('prices the native coin of Ethereum, Arbitrum One and Base with ETH/USD', () => {
    for (const chainId of [1, 42161, 8453]) expect(assetFeed(chainId, 'native')?.pair).toBe('ETH/USD');
    expect(assetFeed(137, 'native')).toBeUndefined();
  });

  it('reads each rollup’s sequencer uptime feed after its price feeds, and none on Ethereum', () => {
    expect(feedAddressesOnChain(8453)).toEqual([
      ...feedsOnChain(8453).map((feed) => feed.address),
      '0xBCF85224fc0756B9Fa45aA7892530B47e10b6433',
    ]);
    expect(sequencerFeed(42161)?.address).toBe('0xFdB631F5EE196F0ed6FAa767959853A9F217697D');
    expect(sequencerFeed(1)).toBeUndefined();
    expect(feedAddressesOnChain(1)).toEqual(feedsOnChain(1).map((feed) => feed.address));
  });
});
