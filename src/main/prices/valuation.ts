import { findChain } from '../../shared/chains/registry';
import type { ValueState } from '../../shared/portfolio';
import type { FiatCurrency } from '../../shared/settings';
import type { TokenAddress } from '../chains/balanceReader';
import type { Holding } from '../chains/chainsService';
import type { Token } from '../chains/token';
import type { ChecksumAddress } from '../store/address';
import { assetFeed, currencyFeed, type PriceFeed, sequencerFeed } from './priceFeeds';
import { PRICE_SERVICE_NAME, type ServiceQuote } from './serviceQuote';

/** One feed's latest round as a chain read stored it; `answer` null when the feed could not be read. */
export interface FeedReading {
  chainId: number;
  feed: ChecksumAddress;
  answer: bigint | null;
  decimals: number;
  /** Unix seconds, as the feed reports it. */
  updatedAt: number;
  /** Milliseconds, when the read that found it ended. */
  readAt: number;
}

export type PriceSource =
  | {
      kind: 'oracle';
      pair: string;
      chainId: number;
      feed: ChecksumAddress;
      heartbeatSeconds: number;
      updatedAt: number;
    }
  | { kind: 'service'; name: string; updatedAt: number };

/** The value of one holding; see HoldingValueView (src/shared/portfolio.ts) for what each field means. */
export interface HoldingValue {
  chainId: number;
  account: ChecksumAddress;
  token: TokenAddress;
  state: ValueState;
  value: string | null;
  unitPrice: string | null;
  sources: PriceSource[];
  reason: string | null;
}

export interface ValuationInput {
  holdings: readonly Holding[];
  tokens: readonly Token[];
  readings: readonly FeedReading[];
  /** Only those the user allowed: empty unless the price service is on. */
  quotes: readonly ServiceQuote[];
  currency: FiatCurrency;
  /** Milliseconds. */
  now: number;
  /** Network names for reasons; the registry's for any it does not name. */
  chainName?: (chainId: number) => string | undefined;
}

/** A feed's clock may run a little ahead of ours; further ahead, its answer is not trusted. */
const CLOCK_SKEW_SECONDS = 300;
/** Chainlink feeds answer with 8 or 18 decimals; anything past this is not a price feed. */
const MAX_FEED_DECIMALS = 36;
/** The service updates its prices every few minutes; an hour without one means it lost the token. */
const SERVICE_MAX_AGE_SECONDS = 3600;
const VALUE_DECIMALS = 8;
/** Longer price text than any real price has is refused, so a hostile quote cannot cost big arithmetic. */
const PRICE_TEXT = /^(\d{1,30})(?:\.(\d{1,30}))?$/;

/** An exact non-negative fraction. */
interface Ratio {
  num: bigint;
  den: bigint;
}

/** One price that went into a value: its source when it was found, and whether it can be used. */
type Price =
  | { state: 'priced'; ratio: Ratio; source: PriceSource }
  | { state: 'stale'; source: PriceSource; reason: string }
  | { state: 'no-price'; source: PriceSource | null; reason: string };

const WORST: readonly ValueState[] = ['no-price', 'stale', 'priced'];

/**
 * Values each holding that has an amount, in `currency`: the asset's own feed on its chain, else (only if
 * the caller passes quotes) the price service; never an assumed price. A value is given only when every
 * price behind it is within its heartbeat: anything older is `stale` and anything unreadable or absurd is
 * `no-price`, neither with a number. Arithmetic is exact; values are cut, not rounded, to 8 decimals.
 */
export function valueHoldings(input: ValuationInput): HoldingValue[] {
  const nowSeconds = Math.floor(input.now / 1000);
  const chainName = (chainId: number) =>
    input.chainName?.(chainId) ?? findChain(chainId)?.name ?? `chain ${chainId}`;
  const readings = new Map(input.readings.map((reading) => [`${reading.chainId}|${reading.feed}`, reading]));
  const reading = (feed: Pick<PriceFeed, 'chainId' | 'address'>) =>
    readings.get(`${feed.chainId}|${feed.address}`);
  const oracle = (feed: PriceFeed) =>
    unlessSequencerDoubts(
      oraclePrice(feed, reading(feed), nowSeconds, chainName(feed.chainId)),
      sequencerDoubt(feed.chainId, reading, nowSeconds, chainName(feed.chainId)),
    );
  const rate = currencyRate(input.currency, reading, oracle);
  // Keyed, since a portfolio holds tens of thousands of balances over hundreds of tokens.
  const tokens = new Map(input.tokens.map((entry) => [`${entry.chainId}|${entry.address}`, entry]));

  return input.holdings.flatMap((holding): HoldingValue[] => {
    if (holding.amount === null) return [];
    const { chainId, account, token } = holding;
    const known = tokens.get(`${chainId}|${token}`);
    if (!known) {
      const reason = `${token} on ${chainName(chainId)} is not a token this wallet knows, so it has no price.`;
      return [unpriced(holding, 'no-price', [], reason)];
    }
    const feed = assetFeed(chainId, token);
    const quote = feed ? undefined : input.quotes.find((entry) => isQuoteFor(entry, holding, input.currency));
    const prices: Price[] = feed
      ? [oracle(feed), ...(rate ? [rate] : [])]
      : quote
        ? [servicePrice(quote, known.symbol, nowSeconds)]
        : [
            {
              state: 'no-price',
              source: null,
              reason: `No price feed for ${known.symbol} on ${chainName(chainId)}.`,
            },
          ];
    const sources = prices.flatMap((price) => (price.source ? [price.source] : []));
    const state = WORST.find((candidate) => prices.some((price) => price.state === candidate)) ?? 'priced';
    if (state !== 'priced') {
      const reason = prices.flatMap((price) => (price.state === 'priced' ? [] : [price.reason])).join(' ');
      return [unpriced(holding, state, sources, reason)];
    }
    const unit = prices.reduce<Ratio>(
      (total, price) => (price.state === 'priced' ? times(total, price.ratio) : total),
      { num: 1n, den: 1n },
    );
    const value = times(unit, { num: BigInt(holding.amount), den: 10n ** BigInt(known.decimals) });
    return [
      { chainId, account, token, state, value: cut(value), unitPrice: cut(unit), sources, reason: null },
    ];
  });
}

/** One unit of the currency in US dollars, inverted, so it multiplies a dollar price; none for USD. */
function currencyRate(
  currency: FiatCurrency,
  reading: (feed: PriceFeed) => FeedReading | undefined,
  oracle: (feed: PriceFeed) => Price,
): Price | null {
  const feed = currencyFeed(currency);
  if (!feed) return null;
  if (!reading(feed)) {
    return {
      state: 'no-price',
      source: null,
      reason: `${currency} values need Ethereum's ${feed.pair} rate; turn Ethereum on in Settings › Networks.`,
    };
  }
  const price = oracle(feed);
  return price.state === 'priced'
    ? { ...price, ratio: { num: price.ratio.den, den: price.ratio.num } }
    : price;
}

function oraclePrice(
  feed: PriceFeed,
  reading: FeedReading | undefined,
  nowSeconds: number,
  chain: string,
): Price {
  const { pair, chainId, address, heartbeatSeconds } = feed;
  const named = `${pair} on ${chain}`;
  const refuse = (reason: string): Price => ({ state: 'no-price', source: null, reason });
  if (!reading) return refuse(`${named} has not been read yet.`);
  const { answer, decimals, updatedAt } = reading;
  if (answer === null) return refuse(`${named} could not be read.`);
  if (answer <= 0n) return refuse(`${named} answered ${answer}, which is not a price.`);
  if (decimals > MAX_FEED_DECIMALS) {
    return refuse(`${named} reports ${decimals} decimals, more than a price feed has.`);
  }
  if (updatedAt > nowSeconds + CLOCK_SKEW_SECONDS) {
    return refuse(
      `${named} says it was updated ${duration(updatedAt - nowSeconds)} from now, so its answer is not trusted.`,
    );
  }
  const source: PriceSource = { kind: 'oracle', pair, chainId, feed: address, heartbeatSeconds, updatedAt };
  const age = nowSeconds - updatedAt;
  if (age > heartbeatSeconds) {
    const reason = `${pair} last updated ${duration(age)} ago; it updates at least every ${duration(heartbeatSeconds)}.`;
    return { state: 'stale', source, reason };
  }
  return { state: 'priced', ratio: { num: answer, den: 10n ** BigInt(decimals) }, source };
}

/** Why a rollup's own prices are not trusted now, if they are not: `unknown` when its status is not known. */
interface SequencerDoubt {
  unknown: boolean;
  reason: string;
}

function sequencerDoubt(
  chainId: number,
  reading: (feed: Pick<PriceFeed, 'chainId' | 'address'>) => FeedReading | undefined,
  nowSeconds: number,
  chain: string,
): SequencerDoubt | null {
  const feed = sequencerFeed(chainId);
  if (!feed) return null;
  const status = reading(feed);
  if (!status || status.answer === null) {
    return {
      unknown: true,
      reason: `${chain}'s sequencer status could not be read, so its prices are not trusted.`,
    };
  }
  if (status.answer !== 0n) {
    return { unknown: false, reason: `${chain}'s sequencer is down, so its price feeds may be out of date.` };
  }
  // The feed's updatedAt stands in for the round's startedAt (when the status last changed), which the
  // balance reader does not return; the two differ by the time the status takes to reach the rollup.
  const up = nowSeconds - status.updatedAt;
  if (up < feed.gracePeriodSeconds) {
    return {
      unknown: false,
      reason: `${chain}'s sequencer came back ${duration(Math.max(0, up))} ago; its prices count again ${duration(feed.gracePeriodSeconds)} after.`,
    };
  }
  return null;
}

/** A price the sequencer check doubts is `stale` (its status is known) or `no-price` (it is not). */
function unlessSequencerDoubts(price: Price, doubt: SequencerDoubt | null): Price {
  if (!doubt || price.state !== 'priced') return price;
  return doubt.unknown
    ? { state: 'no-price', source: null, reason: doubt.reason }
    : { state: 'stale', source: price.source, reason: doubt.reason };
}

function servicePrice(quote: ServiceQuote, symbol: string, nowSeconds: number): Price {
  const named = `${PRICE_SERVICE_NAME}'s price for ${symbol}`;
  const match = PRICE_TEXT.exec(quote.price);
  const ratio = match
    ? { num: BigInt(`${match[1]}${match[2] ?? ''}`), den: 10n ** BigInt(match[2]?.length ?? 0) }
    : null;
  if (!ratio || ratio.num === 0n) {
    return { state: 'no-price', source: null, reason: `${named} is not a price.` };
  }
  if (quote.updatedAt > nowSeconds + CLOCK_SKEW_SECONDS) {
    return {
      state: 'no-price',
      source: null,
      reason: `${named} is dated in the future, so it is not trusted.`,
    };
  }
  const source: PriceSource = { kind: 'service', name: PRICE_SERVICE_NAME, updatedAt: quote.updatedAt };
  const age = nowSeconds - quote.updatedAt;
  if (age > SERVICE_MAX_AGE_SECONDS) {
    const reason = `${named} was last updated ${duration(age)} ago; a service price older than ${duration(SERVICE_MAX_AGE_SECONDS)} is stale.`;
    return { state: 'stale', source, reason };
  }
  return { state: 'priced', ratio, source };
}

function isQuoteFor(quote: ServiceQuote, holding: Holding, currency: FiatCurrency): boolean {
  return quote.chainId === holding.chainId && quote.token === holding.token && quote.currency === currency;
}

function unpriced(
  { chainId, account, token }: Holding,
  state: ValueState,
  sources: PriceSource[],
  reason: string,
): HoldingValue {
  return { chainId, account, token, state, value: null, unitPrice: null, sources, reason };
}

const times = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.num, den: a.den * b.den });

/** The ratio as decimal text, cut (not rounded) to 8 decimals, without trailing zeros. */
function cut({ num, den }: Ratio): string {
  const digits = ((num * 10n ** BigInt(VALUE_DECIMALS)) / den).toString().padStart(VALUE_DECIMALS + 1, '0');
  const whole = digits.slice(0, -VALUE_DECIMALS);
  const fraction = digits.slice(-VALUE_DECIMALS).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** A span in the units a person reads it in: `45 s`, `20 min`, `1 h 30 min`, `3 h`, `2 d`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  if (hours >= 48) return `${Math.floor(hours / 24)} d`;
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours < 10 && minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
}
