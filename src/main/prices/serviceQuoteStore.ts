import type { FiatCurrency } from '../../shared/settings';
import { type Logger, logFailure } from '../log';
import { assetFeed } from './priceFeeds';
import type { PriceService, TokenRef } from './priceService';
import type { ServiceQuote } from './serviceQuote';

/** CoinGecko's public API refreshes a price once a minute, so asking more often learns nothing new. */
const ASK_INTERVAL_MS = 60_000;

const key = (ref: TokenRef) => `${ref.chainId}:${ref.token}`;

export interface ServiceQuoteStoreOptions {
  /** Milliseconds. */
  now?: () => number;
  /** How long after asking about a token it is not asked about again (a refresh may come every block). */
  askIntervalMs?: number;
}

/**
 * The price service's latest quotes, for the one currency last asked for. Kept in memory only: a quote is
 * asked for again within minutes and carries its own age, so after a restart the first refresh has them
 * back, and nothing the service said outlives the setting that allowed asking it.
 */
export class ServiceQuoteStore {
  private currency: FiatCurrency | null = null;
  private readonly byToken = new Map<string, ServiceQuote>();
  /** When each token was last asked about, answered or not, so a failing service is not hammered either. */
  private readonly askedAt = new Map<string, number>();
  private readonly now: () => number;
  private readonly askIntervalMs: number;

  constructor(
    private readonly service: Pick<PriceService, 'quotes'>,
    private readonly log: Logger,
    options: ServiceQuoteStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.askIntervalMs = options.askIntervalMs ?? ASK_INTERVAL_MS;
  }

  /**
   * Asks the service about the tokens that have no on-chain feed (a token with one is never sent, whatever
   * the caller passes) and were not asked about within the interval. A token the service no longer prices
   * loses its quote; when the service cannot be reached the previous quotes stay, with their age. Never
   * rejects, except when `signal` cancels it.
   */
  async refresh(request: {
    tokens: readonly TokenRef[];
    currency: FiatCurrency;
    signal?: AbortSignal;
  }): Promise<void> {
    const { currency, signal } = request;
    if (currency !== this.currency) {
      this.byToken.clear();
      this.askedAt.clear();
      this.currency = currency;
    }
    const now = this.now();
    const due = request.tokens.filter(
      (ref) =>
        !assetFeed(ref.chainId, ref.token) &&
        now - (this.askedAt.get(key(ref)) ?? -Infinity) >= this.askIntervalMs,
    );
    if (due.length === 0) return;
    for (const ref of due) this.askedAt.set(key(ref), now);
    let quotes: ServiceQuote[];
    try {
      quotes = await this.service.quotes(due, currency, signal);
    } catch (error) {
      if (signal?.aborted) {
        // Cancelled before an answer: nothing was learnt, so the next refresh asks again.
        for (const ref of due) this.askedAt.delete(key(ref));
        throw error;
      }
      logFailure(this.log, 'the price service could not be asked for prices', error);
      return;
    }
    if (currency !== this.currency) return;
    for (const ref of due) this.byToken.delete(key(ref));
    for (const quote of quotes) this.byToken.set(key(quote), quote);
  }

  /** The quotes held for `currency`; none when the last refresh asked in another currency. */
  quotes(currency: FiatCurrency): ServiceQuote[] {
    return currency === this.currency ? [...this.byToken.values()] : [];
  }
}
