import type { AccountView } from '../../src/shared/accounts';
import type {
  ChainStatusView,
  HoldingValueView,
  PortfolioView,
  PriceSourceView,
  TokenView,
} from '../../src/shared/portfolio';

export const ALICE = '0x1111111111111111111111111111111111111111';
export const BOB = '0x2222222222222222222222222222222222222222';
export const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
/** Same symbol as USDC, with a Cyrillic С: the look-alike the portfolio must flag. */
export const FAKE_USDC = '0xBAD0000000000000000000000000000000000bad';
export const ARB_USDC = '0xaf88d065e77c8cC2239327C5EDb3A432268e5831';
export const ARB_USDC_E = '0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8';
export const SPAM = '0x5eed000000000000000000000000000000000000';

export function watchAccount(id: number, address: string, label: string): AccountView {
  return {
    id,
    signer: 'watch',
    deviceFingerprint: null,
    derivationScheme: null,
    derivationPath: null,
    address,
    label,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

export const FIXTURE_ACCOUNTS: AccountView[] = [watchAccount(1, ALICE, 'Treasury'), watchAccount(2, BOB, '')];

function chain(chainId: number, name: string, blockNumber: number): ChainStatusView {
  return {
    chainId,
    name,
    state: 'ok',
    reason: null,
    endpoint: 'rpc.example',
    readMode: 'override',
    lastRead: { blockNumber, blockTimestamp: 1_700_000_000, readAt: Date.now() - 12_000 },
  };
}

function token(
  chainId: number,
  address: string,
  symbol: string,
  decimals: number,
  extra: Partial<TokenView> = {},
): TokenView {
  return {
    chainId,
    address,
    symbol,
    name: symbol,
    decimals,
    source: address === 'native' ? 'native' : 'list',
    hidden: false,
    tags: [],
    logoURI: null,
    ...extra,
  };
}

const ETH = 10n ** 18n;

/** A Chainlink feed as the fixture prices with it: Chainlink's real addresses and heartbeats. */
function feed(
  chainId: number,
  pair: string,
  address: string,
  heartbeatSeconds: number,
  ageSeconds: number,
): PriceSourceView {
  return {
    kind: 'oracle',
    pair,
    chainId,
    feed: address,
    heartbeatSeconds,
    updatedAt: Math.floor(Date.now() / 1000) - ageSeconds,
  };
}

function priced(
  chainId: number,
  account: string,
  token: string,
  value: string,
  unitPrice: string,
  source: PriceSourceView,
): HoldingValueView {
  return { chainId, account, token, state: 'priced', value, unitPrice, sources: [source], reason: null };
}

function unpriced(
  chainId: number,
  account: string,
  token: string,
  state: 'stale' | 'no-price',
  reason: string,
  sources: PriceSourceView[] = [],
): HoldingValueView {
  return { chainId, account, token, state, value: null, unitPrice: null, sources, reason };
}

const MINUTE = 60;
const ETHEREUM_ETH_USD = feed(1, 'ETH/USD', '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419', 3600, 4 * MINUTE);
const NO_FEED = 'No price feed covers this token, and the price service is off.';

/**
 * A value for each kind of price: feeds on Ethereum and Base, the price service for the bridged USDC.e, a
 * stale feed on Arbitrum (2 d old, 24 h heartbeat), and no price for the look-alike and the spam.
 */
function fixtureValues(): HoldingValueView[] {
  return [
    priced(1, ALICE, 'native', '43209.75', '3456.78', ETHEREUM_ETH_USD),
    priced(1, BOB, 'native', '864.195', '3456.78', ETHEREUM_ETH_USD),
    priced(
      1,
      ALICE,
      USDC,
      '1500.099975',
      '0.9999',
      feed(1, 'USDC/USD', '0x8fFfFfd4AfB6115b954Bd326cbe7B4BA576818f6', 86_400, 60 * MINUTE),
    ),
    priced(
      1,
      BOB,
      USDC,
      '0',
      '0.9999',
      feed(1, 'USDC/USD', '0x8fFfFfd4AfB6115b954Bd326cbe7B4BA576818f6', 86_400, 60 * MINUTE),
    ),
    unpriced(1, BOB, FAKE_USDC, 'no-price', NO_FEED),
    unpriced(
      42161,
      ALICE,
      'native',
      'stale',
      'The ETH/USD feed last updated 2 d ago; it should update at least every 24 h.',
      [feed(42161, 'ETH/USD', '0x639Fe6ab55C921f74e7fac1ee960C0B6293ba612', 86_400, 2 * 86_400 + 600)],
    ),
    priced(42161, ALICE, ARB_USDC_E, '249.95', '0.9998', {
      kind: 'service',
      name: 'CoinGecko',
      updatedAt: Math.floor(Date.now() / 1000) - 2 * MINUTE,
    }),
    priced(
      8453,
      ALICE,
      'native',
      '6912.2',
      '3456.1',
      feed(8453, 'ETH/USD', '0x71041dddad3595F9CEd3DcCFBe3D1F4b0a16Bb70', 1200, 5 * MINUTE),
    ),
    unpriced(8453, BOB, SPAM, 'no-price', NO_FEED),
  ];
}

/**
 * Two accounts on three chains: a look-alike on Ethereum, a bridged variant and a stale read on Arbitrum (read
 * through Multicall3), valued in USD as fixtureValues says.
 */
export function fixturePortfolio(): PortfolioView {
  return {
    chains: [
      chain(1, 'Ethereum', 19_876_543),
      {
        ...chain(42161, 'Arbitrum One', 201_234_567),
        state: 'stale',
        reason: 'rpc.example timed out after 8 s',
        readMode: 'multicall3',
      },
      chain(8453, 'Base', 12_345_678),
    ],
    tokens: [
      token(1, 'native', 'ETH', 18, { name: 'Ether' }),
      token(1, USDC, 'USDC', 6, { name: 'USD Coin' }),
      token(1, FAKE_USDC, 'USDС', 6, { name: 'USD Coin', source: 'discovered' }),
      token(1, '0x6B175474E89094C44Da98b954EedeAC495271d0F', 'DAI', 18, { name: 'Dai Stablecoin' }),
      token(42161, 'native', 'ETH', 18, { name: 'Ether' }),
      token(42161, ARB_USDC, 'USDC', 6, { name: 'USD Coin' }),
      token(42161, ARB_USDC_E, 'USDC.e', 6, { name: 'Bridged USDC' }),
      token(8453, 'native', 'ETH', 18, { name: 'Ether' }),
      token(8453, SPAM, 'CLAIM', 18, {
        name: 'Claim rewards at scam.example',
        source: 'discovered',
        hidden: true,
      }),
    ],
    holdings: [
      {
        chainId: 1,
        account: ALICE,
        token: 'native',
        amount: (12n * ETH + ETH / 2n).toString(),
        blockNumber: 19_876_543,
        available: true,
      },
      {
        chainId: 1,
        account: BOB,
        token: 'native',
        amount: (ETH / 4n).toString(),
        blockNumber: 19_876_543,
        available: true,
      },
      {
        chainId: 1,
        account: ALICE,
        token: USDC,
        amount: '1500250000',
        blockNumber: 19_876_543,
        available: true,
      },
      { chainId: 1, account: BOB, token: USDC, amount: '0', blockNumber: 19_876_543, available: true },
      {
        chainId: 1,
        account: BOB,
        token: FAKE_USDC,
        amount: '1000000000000',
        blockNumber: 19_876_543,
        available: true,
      },
      {
        chainId: 42161,
        account: ALICE,
        token: 'native',
        amount: ETH.toString(),
        blockNumber: 201_234_567,
        available: true,
      },
      { chainId: 42161, account: BOB, token: 'native', amount: null, blockNumber: null, available: false },
      {
        chainId: 42161,
        account: ALICE,
        token: ARB_USDC_E,
        amount: '250000000',
        blockNumber: 201_234_567,
        available: true,
      },
      {
        chainId: 8453,
        account: ALICE,
        token: 'native',
        amount: (2n * ETH).toString(),
        blockNumber: 12_345_678,
        available: true,
      },
      {
        chainId: 8453,
        account: BOB,
        token: SPAM,
        amount: (1000n * ETH).toString(),
        blockNumber: 12_345_678,
        available: true,
      },
    ],
    warnings: [
      {
        chainId: 1,
        kind: 'same-symbol',
        severity: 'danger',
        tokens: [FAKE_USDC, USDC],
        message: 'Two tokens on Ethereum use the symbol USDC. Only one of them is the real USD Coin.',
      },
      {
        chainId: 42161,
        kind: 'variant',
        severity: 'info',
        tokens: [ARB_USDC_E, ARB_USDC],
        message: 'USDC.e is the bridged variant of USDC on Arbitrum One; they are different tokens.',
      },
    ],
    currency: 'USD',
    values: fixtureValues(),
  };
}
