import type { FiatCurrency } from '../../shared/settings';
import { ChecksumAddress } from '../store/address';
import type { TokenAddress } from '../chains/balanceReader';

/**
 * Chainlink-style aggregator feeds the wallet reads prices from, through the user's own RPC, in the same
 * call as the balances. Addresses, heartbeats and decimals are Chainlink's published figures
 * (docs.chain.link/data-feeds/price-feeds/addresses). A token appears here only when a feed prices that very
 * token: a bridged variant (USDC.e) or a stablecoin without a feed has no price, never an assumed 1.
 */
export interface PriceFeed {
  chainId: number;
  /** What the feed prices, as its publisher names it: `ETH/USD`. */
  pair: string;
  address: ChecksumAddress;
  /** The longest the feed goes without an update; an older answer is stale. */
  heartbeatSeconds: number;
}

/** A feed that prices assets of its own chain in US dollars. */
export interface AssetFeed extends PriceFeed {
  /** The assets it prices: `native` for the chain's coin, else token contracts. */
  assets: readonly TokenAddress[];
}

/** A feed that gives one unit of a currency in US dollars (`EUR/USD`), read on Ethereum. */
export interface CurrencyFeed extends PriceFeed {
  currency: Exclude<FiatCurrency, 'USD'>;
}

const address = (value: string): ChecksumAddress => ChecksumAddress.parse(value);

function feed(
  chainId: number,
  pair: string,
  feedAddress: string,
  heartbeatSeconds: number,
  assets: readonly string[],
): AssetFeed {
  return {
    chainId,
    pair,
    address: address(feedAddress),
    heartbeatSeconds,
    assets: assets.map((asset) => (asset === 'native' ? 'native' : address(asset))),
  };
}

const HOUR = 3600;
const DAY = 86_400;

export const ASSET_FEEDS: readonly AssetFeed[] = [
  // Ethereum
  feed(1, 'ETH/USD', '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419', HOUR, [
    'native',
    '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', // WETH
  ]),
  feed(1, 'USDC/USD', '0x8fFfFfd4AfB6115b954Bd326cbe7B4BA576818f6', DAY, [
    '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  ]),
  feed(1, 'DAI/USD', '0xAed0c38402a5d19df6E4c03F4E2DceD6e29c1ee9', HOUR, [
    '0x6B175474E89094C44Da98b954EedeAC495271d0F',
  ]),
  feed(1, 'USDT/USD', '0x3E7d1eAB13ad0104d2750B8863b489D65364e32D', DAY, [
    '0xdAC17F958D2ee523a2206206994597C13D831ec7',
  ]),
  // Arbitrum One
  feed(42161, 'ETH/USD', '0x639Fe6ab55C921f74e7fac1ee960C0B6293ba612', DAY, [
    'native',
    '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1', // WETH
  ]),
  feed(42161, 'USDC/USD', '0x50834F3163758fcC1Df9973b6e91f0F0F0434aD3', DAY, [
    '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
  ]),
  feed(42161, 'DAI/USD', '0xc5C8E77B397E531B8EC06BFb0048328B30E9eCfB', DAY, [
    '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1',
  ]),
  feed(42161, 'USDT/USD', '0x3f3f5dF88dC9F13eac63DF89EC16ef6e7E25DdE7', DAY, [
    '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9',
  ]),
  // Base
  feed(8453, 'ETH/USD', '0x71041dddad3595F9CEd3DcCFBe3D1F4b0a16Bb70', 1200, [
    'native',
    '0x4200000000000000000000000000000000000006', // WETH
  ]),
  feed(8453, 'USDC/USD', '0x7e860098F58bBFC8648a4311b374B1D669a2bc6B', DAY, [
    '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  ]),
  feed(8453, 'DAI/USD', '0x591e79239a7d679378eC8c847e5038150364C78F', DAY, [
    '0x50c5725949A6F0c72E6C4a641F24049A917DB0Cb',
  ]),
];

/** Currency rates live on Ethereum, so a currency other than USD needs Ethereum enabled. */
export const CURRENCY_FEEDS: readonly CurrencyFeed[] = (
  [
    ['EUR', '0xb49f677943BC038e9857d61E7d053CaA2C1734C1'],
    ['GBP', '0x5c0Ab2d9b5a7ed9f470386e82BB36A3613cDd4b5'],
    ['CHF', '0x449d117117838fFA61263B61dA6301AA2a88B13A'],
    ['JPY', '0xBcE206caE7f0ec07b545EddE332A47C2F75bbeb3'],
  ] as const
).map(([currency, feedAddress]) => ({
  chainId: 1,
  pair: `${currency}/USD`,
  address: address(feedAddress),
  heartbeatSeconds: DAY,
  currency,
}));

/**
 * Chainlink's L2 sequencer uptime feed: answers 0 while the rollup's sequencer is up and 1 while it is down.
 * While it is down, or for a grace period after it comes back, the chain's price feeds may not have been
 * updated, so their prices are not trusted however fresh they look.
 */
export interface SequencerFeed {
  chainId: number;
  address: ChecksumAddress;
  gracePeriodSeconds: number;
}

/** Chainlink's recommended grace period after a sequencer restart. */
const SEQUENCER_GRACE_SECONDS = HOUR;

export const SEQUENCER_FEEDS: readonly SequencerFeed[] = (
  [
    [42161, '0xFdB631F5EE196F0ed6FAa767959853A9F217697D'],
    [8453, '0xBCF85224fc0756B9Fa45aA7892530B47e10b6433'],
  ] as const
).map(([chainId, feedAddress]) => ({
  chainId,
  address: address(feedAddress),
  gracePeriodSeconds: SEQUENCER_GRACE_SECONDS,
}));

export function sequencerFeed(chainId: number): SequencerFeed | undefined {
  return SEQUENCER_FEEDS.find((entry) => entry.chainId === chainId);
}

/** Every feed address a read of the chain covers: its price feeds, then its sequencer's uptime feed. */
export function feedAddressesOnChain(chainId: number): ChecksumAddress[] {
  const sequencer = sequencerFeed(chainId);
  return [...feedsOnChain(chainId).map((feed) => feed.address), ...(sequencer ? [sequencer.address] : [])];
}

/** The feeds one read of a chain covers: its asset feeds, and on Ethereum the currency rates. */
export function feedsOnChain(chainId: number): PriceFeed[] {
  return [...ASSET_FEEDS, ...CURRENCY_FEEDS].filter((entry) => entry.chainId === chainId);
}

/** The feed that prices an asset on its chain, if any. */
export function assetFeed(chainId: number, token: TokenAddress): AssetFeed | undefined {
  return ASSET_FEEDS.find((entry) => entry.chainId === chainId && entry.assets.includes(token));
}

export function currencyFeed(currency: FiatCurrency): CurrencyFeed | undefined {
  return CURRENCY_FEEDS.find((entry) => entry.currency === currency);
}
