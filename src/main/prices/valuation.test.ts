import { describe, expect, it } from 'vitest';
import type { TokenAddress } from '../chains/balanceReader';
import type { Holding } from '../chains/chainsService';
import type { Token } from '../chains/token';
import { ChecksumAddress } from '../store/address';
import { assetFeed, currencyFeed, type PriceFeed, sequencerFeed } from './priceFeeds';
import type { ServiceQuote } from './serviceQuote';
import { duration, type FeedReading, valueHoldings, type ValuationInput } from './valuation';

const NOW = 1_800_000_000_000;
const NOW_S = NOW / 1000;
const ACCOUNT = ChecksumAddress.parse('0x1111111111111111111111111111111111111111');
const DAI = ChecksumAddress.parse('0x6B175474E89094C44Da98b954EedeAC495271d0F');
const USDC_E = ChecksumAddress.parse('0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8');
const ETH_USD = assetFeed(1, 'native') as PriceFeed;
const DAI_USD = assetFeed(1, DAI) as PriceFeed;
const EUR_USD = currencyFeed('EUR') as PriceFeed;

const token = (chainId: number, address: TokenAddress, symbol: string, decimals: number): Token => ({
  chainId,
  address,
  symbol,
  name: symbol,
  decimals,
  source: address === 'native' ? 'native' : 'list',
  hidden: false,
  tags: [],
  logoURI: null,
});
const TOKENS = [
  token(1, 'native', 'ETH', 18),
  token(1, DAI, 'DAI', 18),
  token(42161, USDC_E, 'USDC.e', 6),
  token(8453, 'native', 'ETH', 18),
];

const holding = (chainId: number, tokenAddress: TokenAddress, amount: string | null): Holding => ({
  chainId,
  account: ACCOUNT,
  token: tokenAddress,
  amount,
  blockNumber: amount === null ? null : 100,
  available: true,
});

const reading = (feed: PriceFeed, answer: bigint | null, ageSeconds = 60, decimals = 8): FeedReading => ({
  chainId: feed.chainId,
  feed: feed.address,
  answer,
  decimals,
  updatedAt: NOW_S - ageSeconds,
  readAt: NOW,
});

/** Base's sequencer uptime feed: 0 is up, 1 is down; `updatedAt` is when that status began. */
const baseSequencer = (answer: bigint | null, ageSeconds: number): FeedReading => ({
  chainId: 8453,
  feed: sequencerFeed(8453)?.address as ChecksumAddress,
  answer,
  decimals: 0,
  updatedAt: NOW_S - ageSeconds,
  readAt: NOW,
});
const BASE_ETH_USD = assetFeed(8453, 'native') as PriceFeed;

const value = (input: Partial<ValuationInput> & Pick<ValuationInput, 'holdings'>) =>
  valueHoldings({ tokens: TOKENS, readings: [], quotes: [], currency: 'USD', now: NOW, ...input });

describe('valueHoldings', () => {
  it('prices a holding from its feed exactly, cut (not rounded) to 8 decimals, naming the feed', () => {
    const [priced] = value({
      holdings: [holding(1, 'native', '1500000000000000001')],
      readings: [reading(ETH_USD, 300_012_345_678n)],
    });
    expect(priced).toEqual({
      chainId: 1,
      account: ACCOUNT,
      token: 'native',
      state: 'priced',
      // 1.500000000000000001 × 3000.12345678 = 4500.18518517000…3, cut.
      value: '4500.18518517',
      unitPrice: '3000.12345678',
      sources: [
        {
          kind: 'oracle',
          pair: 'ETH/USD',
          chainId: 1,
          feed: ETH_USD.address,
          heartbeatSeconds: 3600,
          updatedAt: NOW_S - 60,
        },
      ],
      reason: null,
    });
  });

  it('cuts a value below the 8th decimal rather than rounding it up', () => {
    const [tiny] = value({
      holdings: [holding(1, 'native', '19999999999')],
      readings: [reading(ETH_USD, 100_000_000n)],
    });
    // 0.000000019999999999 ETH at 1 USD.
    expect(tiny?.value).toBe('0.00000001');
  });

  it('shows a stale feed as stale, not as a value, with the pair and both ages', () => {
    const [stale] = value({
      holdings: [holding(1, DAI, '5000000000000000000')],
      readings: [reading(DAI_USD, 100_020_000n, 3 * 3600)],
    });
    expect(stale).toMatchObject({
      state: 'stale',
      value: null,
      unitPrice: null,
      reason: 'DAI/USD last updated 3 h ago; it updates at least every 1 h.',
    });
    expect(stale?.sources).toEqual([
      expect.objectContaining({ pair: 'DAI/USD', updatedAt: NOW_S - 3 * 3600 }),
    ]);
  });

  it('never assumes a stablecoin is worth 1: no feed and no quote is no price', () => {
    const [bridged] = value({ holdings: [holding(42161, USDC_E, '1000000')] });
    expect(bridged).toMatchObject({
      state: 'no-price',
      value: null,
      sources: [],
      reason: 'No price feed for USDC.e on Arbitrum One.',
    });
  });

  it.each([
    ['unreadable', reading(ETH_USD, null), 'ETH/USD on Ethereum could not be read.'],
    ['zero', reading(ETH_USD, 0n), 'ETH/USD on Ethereum answered 0, which is not a price.'],
    ['negative', reading(ETH_USD, -5n), 'ETH/USD on Ethereum answered -5, which is not a price.'],
    [
      'absurd decimals',
      reading(ETH_USD, 1n, 60, 37),
      'ETH/USD on Ethereum reports 37 decimals, more than a price feed has.',
    ],
    [
      'dated in the future',
      reading(ETH_USD, 300_000_000_000n, -3600),
      'ETH/USD on Ethereum says it was updated 1 h from now, so its answer is not trusted.',
    ],
  ])('gives no price for a feed answer that is %s', (_, feedReading, reason) => {
    const [unpriced] = value({ holdings: [holding(1, 'native', '1')], readings: [feedReading] });
    expect(unpriced).toMatchObject({ state: 'no-price', value: null, unitPrice: null, sources: [], reason });
  });

  it('allows a feed clock a few minutes ahead of ours', () => {
    const [priced] = value({
      holdings: [holding(1, 'native', '1000000000000000000')],
      readings: [reading(ETH_USD, 300_000_000_000n, -240)],
    });
    expect(priced?.state).toBe('priced');
  });

  it('says a feed not read yet has no price', () => {
    const [unread] = value({ holdings: [holding(8453, 'native', '1')] });
    expect(unread?.reason).toBe('ETH/USD on Base has not been read yet.');
  });

  it('divides by the currency rate from Ethereum, listing the asset source then the currency source', () => {
    const [euro] = value({
      currency: 'EUR',
      holdings: [holding(1, 'native', '2000000000000000000')],
      readings: [reading(ETH_USD, 300_000_000_000n), reading(EUR_USD, 108_000_000n)],
    });
    // 3000 / 1.08 = 2777.777…, cut; 2 ETH = 5555.555…
    expect(euro).toMatchObject({ state: 'priced', unitPrice: '2777.77777777', value: '5555.55555555' });
    expect(euro?.sources.map((source) => source.kind === 'oracle' && source.pair)).toEqual([
      'ETH/USD',
      'EUR/USD',
    ]);
  });

  it('lets the worse of the two prices win: a stale currency rate makes the value stale', () => {
    const [euro] = value({
      currency: 'EUR',
      holdings: [holding(1, 'native', '1')],
      readings: [reading(ETH_USD, 300_000_000_000n), reading(EUR_USD, 108_000_000n, 2 * 86_400)],
    });
    expect(euro).toMatchObject({
      state: 'stale',
      value: null,
      reason: 'EUR/USD last updated 2 d ago; it updates at least every 24 h.',
    });
  });

  it('asks for Ethereum when a currency other than USD has no rate read', () => {
    const [euro] = value({
      currency: 'GBP',
      holdings: [holding(8453, 'native', '1')],
      readings: [reading(BASE_ETH_USD, 300_000_000_000n), baseSequencer(0n, 86_400)],
    });
    expect(euro).toMatchObject({
      state: 'no-price',
      value: null,
      reason: "GBP values need Ethereum's GBP/USD rate; turn Ethereum on in Settings › Networks.",
    });
    expect(euro?.sources).toHaveLength(1);
  });

  describe('on a rollup, its sequencer', () => {
    const baseEth = (sequencer: FeedReading[]) =>
      value({
        holdings: [holding(8453, 'native', '1000000000000000000')],
        readings: [reading(BASE_ETH_USD, 300_000_000_000n), ...sequencer],
      })[0];

    it('lets a fresh price count once the sequencer has been up past its grace period', () => {
      expect(baseEth([baseSequencer(0n, 2 * 3600)])).toMatchObject({ state: 'priced', value: '3000' });
    });

    it('makes a fresh-looking price stale while the sequencer is down', () => {
      expect(baseEth([baseSequencer(1n, 600)])).toMatchObject({
        state: 'stale',
        value: null,
        reason: "Base's sequencer is down, so its price feeds may be out of date.",
        sources: [expect.objectContaining({ pair: 'ETH/USD' })],
      });
    });

    it('keeps it stale for the grace period after the sequencer comes back', () => {
      expect(baseEth([baseSequencer(0n, 600)])).toMatchObject({
        state: 'stale',
        value: null,
        reason: "Base's sequencer came back 10 min ago; its prices count again 1 h after.",
      });
    });

    it('gives no price when the sequencer status is not known', () => {
      for (const sequencer of [[], [baseSequencer(null, 0)]]) {
        expect(baseEth(sequencer)).toMatchObject({
          state: 'no-price',
          value: null,
          reason: "Base's sequencer status could not be read, so its prices are not trusted.",
        });
      }
    });
  });

  describe('service quotes', () => {
    const quote = (patch: Partial<ServiceQuote> = {}): ServiceQuote => ({
      chainId: 42161,
      token: USDC_E,
      currency: 'EUR',
      price: '0.92',
      updatedAt: NOW_S - 120,
      ...patch,
    });

    it('prices a token without a feed from a quote in the currency, with no currency rate needed', () => {
      const [quoted] = value({
        currency: 'EUR',
        holdings: [holding(42161, USDC_E, '2500000')],
        quotes: [quote({ currency: 'USD', price: '1' }), quote()],
      });
      expect(quoted).toMatchObject({
        state: 'priced',
        value: '2.3',
        unitPrice: '0.92',
        sources: [{ kind: 'service', name: 'CoinGecko', updatedAt: NOW_S - 120 }],
      });
    });

    it('calls a quote older than an hour stale', () => {
      const [stale] = value({
        currency: 'EUR',
        holdings: [holding(42161, USDC_E, '1')],
        quotes: [quote({ updatedAt: NOW_S - 7200 })],
      });
      expect(stale).toMatchObject({ state: 'stale', value: null });
      expect(stale?.reason).toBe(
        "CoinGecko's price for USDC.e was last updated 2 h ago; a service price older than 1 h is stale.",
      );
    });

    it.each(['1e3', '-1', '0', '', '1.', '1'.repeat(31)])('refuses the price text %j', (price) => {
      const [refused] = value({
        currency: 'EUR',
        holdings: [holding(42161, USDC_E, '1')],
        quotes: [quote({ price })],
      });
      expect(refused).toMatchObject({ state: 'no-price', value: null });
    });

    it('never prefers a quote over a feed the token has', () => {
      const [fromFeed] = value({
        holdings: [holding(1, 'native', '1000000000000000000')],
        readings: [reading(ETH_USD, 300_000_000_000n)],
        quotes: [quote({ chainId: 1, token: 'native', currency: 'USD', price: '1' })],
      });
      expect(fromFeed).toMatchObject({ state: 'priced', value: '3000' });
    });
  });

  it('values only holdings with an amount, and a token it does not know has no price', () => {
    const unknown = ChecksumAddress.parse('0x2222222222222222222222222222222222222222');
    const values = value({ holdings: [holding(1, 'native', null), holding(1, unknown, '5')] });
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ token: unknown, state: 'no-price' });
  });
});

describe('duration', () => {
  it.each([
    [45, '45 s'],
    [1200, '20 min'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [86_400, '24 h'],
    [3 * 86_400, '3 d'],
  ])('reads %i seconds as %s', (seconds, text) => expect(duration(seconds)).toBe(text));
});
