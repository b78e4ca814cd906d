import { z } from 'zod';
import type { FiatCurrency } from '../../shared/settings';
import { getJson, readBoundedBody } from '../rpc/boundedHttp';
import { coinGeckoNativeCoin, coinGeckoPlatform } from './coinGeckoIds';
import { exactDecimal, JsonNumber, parseJsonKeepingNumbers } from './jsonDecimal';
import { PRICE_SERVICE_NAME, type ServiceQuote } from './serviceQuote';

export const COINGECKO_URL = 'https://api.coingecko.com/api/v3';

export interface PriceServiceOptions {
  /** CoinGecko's public API by default; a local double in tests. */
  baseUrl?: string;
  /** E.g. Electron's `net.fetch`, which follows the system proxy settings. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** An answer larger than this is refused rather than buffered. */
  maxResponseBytes?: number;
  /** Contracts per `/simple/token_price` request: CoinGecko takes up to 515, a shorter URL is kinder. */
  batchSize?: number;
  /** Milliseconds; a quote claiming to be from the future (beyond clock skew) is refused. */
  now?: () => number;
}

export interface TokenRef {
  chainId: number;
  token: ServiceQuote['token'];
}

/** The price service could not answer; the message names it and what went wrong, never a full URL. */
export class PriceServiceError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`${PRICE_SERVICE_NAME}: ${message}`, options);
    this.name = 'PriceServiceError';
  }
}

const ONE_MB = 1024 * 1024;
const CLOCK_SKEW_SECONDS = 600;
/**
 * An answer is an object keyed by contract (or coin id); each entry an object with a number per requested
 * currency and `last_updated_at`, every number a JsonNumber (see `parseJsonKeepingNumbers`), so a quoted "1"
 * is no price.
 */
const JsonObject = z.record(z.string(), z.unknown());

/**
 * CoinGecko's public price API, for tokens that have no on-chain feed. It is told only which contracts (or
 * which networks' coins) to price and in which currency: never an account or an amount.
 */
export class PriceService {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly batchSize: number;
  private readonly now: () => number;

  constructor(options: PriceServiceOptions = {}) {
    this.baseUrl = (options.baseUrl ?? COINGECKO_URL).replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxResponseBytes = options.maxResponseBytes ?? ONE_MB;
    this.batchSize = options.batchSize ?? 100;
    this.now = options.now ?? Date.now;
  }

  /**
   * The quotes the service has for these tokens; a token it does not price, or prices nonsense, has none.
   * Tokens on a network CoinGecko does not list are never sent. One request per network's batch of
   * contracts, plus one for all the networks' own coins; the first failure rejects.
   */
  async quotes(
    tokens: readonly TokenRef[],
    currency: FiatCurrency,
    signal?: AbortSignal,
  ): Promise<ServiceQuote[]> {
    const vs_currencies = currency.toLowerCase();
    const found: ServiceQuote[] = [];
    for (const { path, params, asked } of this.requests(tokens)) {
      const answer = await this.get(path, { ...params, vs_currencies }, signal);
      for (const [ref, key] of asked) {
        const quote = this.quote(ref, currency, answer[key]);
        if (quote) found.push(quote);
      }
    }
    return found;
  }

  /** Each request, with the tokens it asks about and the key each one's answer comes under. */
  private *requests(tokens: readonly TokenRef[]): Generator<{
    path: string;
    params: Record<string, string>;
    asked: [TokenRef, string][];
  }> {
    const unique = new Map(tokens.map((ref) => [`${ref.chainId}:${ref.token}`, ref]));
    const contracts = new Map<string, [TokenRef, string][]>();
    const coins: [TokenRef, string][] = [];
    for (const ref of unique.values()) {
      const platform = coinGeckoPlatform(ref.chainId);
      const coin = coinGeckoNativeCoin(ref.chainId);
      if (ref.token !== 'native' && platform) {
        contracts.set(platform, [...(contracts.get(platform) ?? []), [ref, ref.token.toLowerCase()]]);
      } else if (ref.token === 'native' && coin) coins.push([ref, coin]);
    }
    for (const [platform, asked] of contracts) {
      for (let i = 0; i < asked.length; i += this.batchSize) {
        const batch = asked.slice(i, i + this.batchSize);
        const contract_addresses = batch.map(([, key]) => key).join(',');
        yield { path: `/simple/token_price/${platform}`, params: { contract_addresses }, asked: batch };
      }
    }
    if (coins.length > 0) {
      const ids = [...new Set(coins.map(([, key]) => key))].join(',');
      yield { path: '/simple/price', params: { ids }, asked: coins };
    }
  }

  /** A token's quote from its entry in an answer; none when the entry has no usable price or date. */
  private quote(ref: TokenRef, currency: FiatCurrency, entry: unknown): ServiceQuote | undefined {
    const parsed = JsonObject.safeParse(entry);
    if (!parsed.success) return undefined;
    const priceText = parsed.data[currency.toLowerCase()];
    const updatedText = parsed.data.last_updated_at;
    if (!(priceText instanceof JsonNumber) || !(updatedText instanceof JsonNumber)) return undefined;
    const price = exactDecimal(priceText.source);
    const updatedAt = Number(updatedText.source);
    // A price of 0 is CoinGecko having none; an undated or future-dated one cannot say its age.
    if (price === null || /^0(\.0*)?$/.test(price)) return undefined;
    if (!/^\d+$/.test(updatedText.source) || !Number.isSafeInteger(updatedAt) || updatedAt <= 0)
      return undefined;
    if (updatedAt > this.now() / 1000 + CLOCK_SKEW_SECONDS) return undefined;
    return { chainId: ref.chainId, token: ref.token, currency, price, updatedAt };
  }

  private async get(
    path: string,
    params: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<typeof JsonObject>> {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries({ ...params, include_last_updated_at: 'true' })) {
      url.searchParams.set(key, value);
    }
    const what = path.startsWith('/simple/price') ? 'coin prices' : 'token prices';
    let response: Response;
    try {
      response = await getJson(this.fetch, url, this.timeoutMs, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      throw new PriceServiceError(
        timedOut
          ? `${url.host} did not answer within ${this.timeoutMs} ms.`
          : `${url.host} could not be reached.`,
        { cause: error },
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PriceServiceError(
        response.status === 429
          ? `${url.host} is rate limiting requests (HTTP 429); prices will be asked again at the next refresh.`
          : `${url.host} answered ${what} with HTTP ${response.status}.`,
      );
    }
    const text = await readBoundedBody(
      response,
      this.maxResponseBytes,
      () => new PriceServiceError(`${url.host} sent an answer larger than ${this.maxResponseBytes} bytes.`),
    );
    let json: unknown;
    try {
      json = parseJsonKeepingNumbers(text);
    } catch {
      throw new PriceServiceError(`${url.host} answered ${what} with something that is not JSON.`);
    }
    const parsed = JsonObject.safeParse(json);
    if (!parsed.success) throw new PriceServiceError(`${url.host} sent ${what} in an unexpected shape.`);
    return parsed.data;
  }
}
