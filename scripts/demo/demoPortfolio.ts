import { parseUnits } from 'ethers/utils';
import type { TokenAddress } from '../../src/main/chains/balanceReader';
import { DEFAULT_TOKEN_LISTS } from '../../src/main/chains/tokenList';
import { assetFeed, feedsOnChain } from '../../src/main/prices/priceFeeds';
import { fixtureAddress } from '../../test/anvil/chainSetup';

/**
 * What `npm run demo` puts on its chains, and so what the wallet must show: every funded balance, in the
 * units a person reads, and the prices its feed stand-ins report. An end-to-end test asserts the totals and
 * values from here rather than repeating the numbers.
 */

/** Stand-ins for Ethereum, Arbitrum One and Base, in that order. */
export const DEMO_CHAIN_IDS = [1, 42161, 8453] as const;
export type DemoChainId = (typeof DEMO_CHAIN_IDS)[number];

/** The first four accounts of the public test mnemonic "test test … junk", added as watch-only. */
export const DEMO_ACCOUNTS = [
  { label: 'Alice', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' },
  { label: 'Bob', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
  { label: 'Carol', address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
  { label: 'Dave', address: '0x90F79bf6EB2c4f870365E785982E1f101E93b906' },
] as const;
export type DemoLabel = (typeof DEMO_ACCOUNTS)[number]['label'];

/**
 * Accounts of the emulated Ledger (the public "abandon … about" mnemonic) that hold ether, so its
 * discovery shows used and unused accounts: Ledger Live accounts 0 and 1, BIP44 index 1 and legacy index 0.
 * Not added to the wallet: the user adds them from Devices.
 */
export const DEMO_LEDGER_FUNDS = [
  {
    path: "m/44'/60'/0'/0/0",
    address: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    chainId: 1,
    wei: 1_250_000_000_000_000_000n,
  },
  {
    path: "m/44'/60'/1'/0/0",
    address: '0x78839F6054d7ed13918bAe0473BA31b1Ca9D7265',
    chainId: 8453,
    wei: 400_000_000_000_000_000n,
  },
  {
    path: "m/44'/60'/0'/0/1",
    address: '0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0',
    chainId: 42161,
    wei: 75_000_000_000_000_000n,
  },
  {
    path: "m/44'/60'/0'/0",
    address: '0xB8Fd42000d00202DCbCF5e18d6640d656345FD6A',
    chainId: 1,
    wei: 20_000_000_000_000_000n,
  },
] as const;

export interface DemoToken {
  chainId: DemoChainId;
  /** `native` for the chain's coin; otherwise the contract, checksummed. */
  address: string;
  symbol: string;
  name: string;
  decimals: number;
  /** How the wallet knows it: `list` tokens are in its bundled list, `user` tokens the demo adds itself. */
  source: 'native' | 'list' | 'user';
  /** Per account, as decimal text in whole units ('1.5' ETH); every account is named, zero included. */
  balances: Readonly<Record<DemoLabel, string>>;
}

function native(chainId: DemoChainId, balances: DemoToken['balances']): DemoToken {
  return {
    chainId,
    address: 'native',
    symbol: 'ETH',
    name: 'Ether',
    decimals: 18,
    source: 'native',
    balances,
  };
}

/** A token from the wallet's bundled list, at the list's real address, so the wallet recognises it. */
function listed(chainId: DemoChainId, symbol: string, balances: DemoToken['balances']): DemoToken {
  const token = DEFAULT_TOKEN_LISTS.get(chainId)?.tokens.find((entry) => entry.symbol === symbol);
  if (!token) throw new Error(`${symbol} is not in the bundled token list of chain ${chainId}`);
  const { address, name, decimals } = token;
  return { chainId, address, symbol, name, decimals, source: 'list', balances };
}

/** A fake USDC whose symbol ends in a Cyrillic С (U+0421): the wallet must flag it next to the real one. */
export const LOOK_ALIKE: DemoToken = {
  chainId: 1,
  address: fixtureAddress('demo', 'look-alike-usdc'),
  symbol: 'USD\u0421',
  name: 'USD Coin',
  decimals: 6,
  source: 'user',
  balances: { Alice: '0', Bob: '0', Carol: '0', Dave: '5000' },
};

export const DEMO_TOKENS: readonly DemoToken[] = [
  native(1, { Alice: '1.5', Bob: '2', Carol: '0.25', Dave: '0' }),
  listed(1, 'USDC', { Alice: '1000', Bob: '250.5', Carol: '0', Dave: '12.34' }),
  listed(1, 'DAI', { Alice: '0', Bob: '500', Carol: '1500', Dave: '0' }),
  LOOK_ALIKE,
  native(42161, { Alice: '0.5', Bob: '0', Carol: '1', Dave: '0.125' }),
  listed(42161, 'USDC', { Alice: '300', Bob: '0', Carol: '75.25', Dave: '0' }),
  listed(42161, 'USDC.e', { Alice: '0', Bob: '120', Carol: '0', Dave: '80' }),
  native(8453, { Alice: '0.1', Bob: '0.2', Carol: '0', Dave: '0.7' }),
  listed(8453, 'USDC', { Alice: '50', Bob: '0', Carol: '0', Dave: '950' }),
];

/** One account's balance of a token, in base units. */
export function amountOf(token: DemoToken, label: DemoLabel): bigint {
  return parseUnits(token.balances[label], token.decimals);
}

/** The sum over all four accounts, in base units: what a portfolio total for the token must read. */
export function expectedTotal(token: DemoToken): bigint {
  return DEMO_ACCOUNTS.reduce((sum, { label }) => sum + amountOf(token, label), 0n);
}

export function demoToken(chainId: DemoChainId, symbol: string): DemoToken {
  const token = DEMO_TOKENS.find((entry) => entry.chainId === chainId && entry.symbol === symbol);
  if (!token) throw new Error(`the demo has no ${symbol} on chain ${chainId}`);
  return token;
}

/** A price the demo's feed stand-ins report, at the real feed's address on its chain. */
export interface DemoPrice {
  chainId: DemoChainId;
  /** As the feed registry (src/main/prices/priceFeeds.ts) names it: `ETH/USD`. */
  pair: string;
  /** The feed's address in the registry, where the demo places its stand-in. */
  address: string;
  /** One unit in US dollars, as decimal text; the stand-in reports it with `DEMO_FEED_DECIMALS`. */
  answer: string;
  /**
   * Last updated `DEMO_STALE_AGE_SECONDS` before the demo started, past its feed's heartbeat, and never again:
   * the wallet must show "stale", not a value. The others are kept fresh while the demo runs.
   */
  stale: boolean;
}

export const DEMO_FEED_DECIMALS = 8;
/** Three hours: past the one-hour heartbeat of Ethereum's DAI/USD. */
export const DEMO_STALE_AGE_SECONDS = 3 * 3600;

function price(chainId: DemoChainId, pair: string, answer: string, stale = false): DemoPrice {
  const feed = feedsOnChain(chainId).find((entry) => entry.pair === pair);
  if (!feed) throw new Error(`the feed registry has no ${pair} on chain ${chainId}`);
  return { chainId, pair, address: feed.address, answer, stale };
}

/**
 * Every feed the demo places. Tokens with no feed in the registry (USDC.e on Arbitrum, the look-alike USDC)
 * get none, and must show "no price"; `demoPrice` says which. The currency rates on Ethereum let every
 * currency in Settings show values.
 */
export const DEMO_PRICES: readonly DemoPrice[] = DEMO_CHAIN_IDS.flatMap((chainId) => [
  price(chainId, 'ETH/USD', '3000'),
  price(chainId, 'USDC/USD', '0.9998'),
  price(chainId, 'DAI/USD', '1.0002', chainId === 1),
  ...(chainId === 1
    ? [
        price(chainId, 'EUR/USD', '1.08'),
        price(chainId, 'GBP/USD', '1.27'),
        price(chainId, 'CHF/USD', '1.13'),
        price(chainId, 'JPY/USD', '0.0066'),
      ]
    : []),
]);

/** The price that values a demo token, or null when no feed prices it (it shows "no price"). */
export function demoPrice(token: DemoToken): DemoPrice | null {
  const feed = assetFeed(token.chainId, token.address as TokenAddress);
  return DEMO_PRICES.find((entry) => entry.chainId === token.chainId && entry.pair === feed?.pair) ?? null;
}
