import { setTimeout as sleepFor } from 'node:timers/promises';
import { z } from 'zod';
import { type RetryPolicy, retryDelay } from '../../rpc/retryPolicy';
import type { ChecksumAddress } from '../../store/address';
import type { BlockRange, HistoryProvider, TransactionRef } from '../rawTransaction';
import { ProviderError } from '../../rpc/providerError';
import { RateLimiter } from './rateLimiter';
import { mergeRefs } from './refs';
import { getJson } from '../../rpc/boundedHttp';

export interface ExplorerApiOptions {
  chainId: number;
  chainName: string;
  /** E.g. Electron's `net.fetch`, which follows the system proxy settings. */
  fetch?: typeof fetch;
  /** Results per page, the API's `offset`. */
  pageSize?: number;
  /** The most results one query pages through (page × offset); both APIs document 10,000. */
  resultWindow?: number;
  perSecond?: number;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** What tells one Etherscan-compatible API from another. */
export interface ExplorerFlavour {
  name: 'etherscan' | 'blockscout';
  label: string;
  url: string;
  /** Sent with every request, e.g. Etherscan's `chainid` and `apikey`. */
  params: Readonly<Record<string, string>>;
  /** A secret that must never reach a message, even when the server echoes it. */
  secret?: string;
}

const Hash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((hash) => hash.toLowerCase());

// Blockscout names an internal transaction's parent `transactionHash`, Etherscan `hash`.
const Entry = z
  .object({ blockNumber: z.string().regex(/^\d+$/), hash: Hash.optional(), transactionHash: Hash.optional() })
  .transform((entry, ctx): TransactionRef => {
    const hash = entry.hash ?? entry.transactionHash;
    if (hash) return { hash, blockNumber: Number(entry.blockNumber) };
    ctx.addIssue({ code: 'custom', message: 'an entry without a transaction hash' });
    return z.NEVER;
  });

const Answer = z.object({ status: z.string(), message: z.string(), result: z.unknown() });

/**
 * The `module=account` lists that together name every transaction touching an address: its own, the calls
 * that sent it native coin, and ERC-20, ERC-721 and ERC-1155 transfers. Approvals are in none of them.
 */
const ACTIONS = ['txlist', 'txlistinternal', 'tokentx', 'tokennfttx', 'token1155tx'] as const;

const RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000 };

/** Retrying may help: a rate limit, an overloaded server, a dropped connection. */
class Transient extends Error {}

/**
 * Transaction lists from an Etherscan-compatible explorer API: every action's hashes in the range, paged in
 * ascending block order. Past the result window it restarts from the last block it saw, so a busy address
 * is read in full; that block's entries come twice and are merged.
 */
export class ExplorerApiProvider implements HistoryProvider {
  readonly name: ExplorerFlavour['name'];
  private readonly fetch: typeof fetch;
  private readonly pageSize: number;
  private readonly resultWindow: number;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly limiter: RateLimiter;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly flavour: ExplorerFlavour,
    private readonly options: ExplorerApiOptions,
  ) {
    this.name = flavour.name;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.pageSize = options.pageSize ?? 1_000;
    this.resultWindow = options.resultWindow ?? 10_000;
    this.retry = { ...RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.random = options.random ?? Math.random;
    this.limiter = new RateLimiter({
      perSecond: options.perSecond ?? 5,
      ...(options.now ? { now: options.now } : {}),
      sleep: this.sleep,
    });
  }

  async transactions(
    address: ChecksumAddress,
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<TransactionRef[]> {
    // One list after another: the rate limit spaces them anyway, and a failure stops the rest.
    const lists: TransactionRef[][] = [];
    for (const action of ACTIONS) lists.push(await this.list(action, address, range, signal));
    return mergeRefs(lists);
  }

  private async list(
    action: string,
    address: string,
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<TransactionRef[]> {
    const refs: TransactionRef[] = [];
    let start = range.fromBlock;
    let page = 1;
    for (;;) {
      const entries = await this.request(action, { address, start, end: range.toBlock, page }, signal);
      refs.push(
        ...entries.filter((ref) => ref.blockNumber >= range.fromBlock && ref.blockNumber <= range.toBlock),
      );
      const last = entries.at(-1);
      if (!last || entries.length < this.pageSize) return refs;
      if (page * this.pageSize < this.resultWindow) {
        page++;
        continue;
      }
      if (last.blockNumber <= start) {
        throw this.error(
          `${this.flavour.label} lists more than ${this.resultWindow} ${action} results in block ${start}.`,
        );
      }
      start = last.blockNumber;
      page = 1;
    }
  }

  private async request(
    action: string,
    query: { address: string; start: number; end: number; page: number },
    signal?: AbortSignal,
  ): Promise<TransactionRef[]> {
    const url = new URL(this.flavour.url);
    const params = {
      ...this.flavour.params,
      module: 'account',
      action,
      address: query.address,
      startblock: String(query.start),
      endblock: String(query.end),
      page: String(query.page),
      offset: String(this.pageSize),
      sort: 'asc',
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    let failures = 0;
    for (;;) {
      try {
        await this.limiter.take(signal);
        return await this.attempt(url, action, signal);
      } catch (error) {
        if (!(error instanceof Transient) || signal?.aborted) throw error;
        failures++;
        if (failures >= this.retry.attempts) {
          throw this.error(`${this.flavour.label} did not answer ${action}: ${error.message}`, error);
        }
        await this.sleep(retryDelay(failures, this.retry, this.random), signal);
      }
    }
  }

  private async attempt(url: URL, action: string, signal?: AbortSignal): Promise<TransactionRef[]> {
    let response: Response;
    try {
      response = await getJson(this.fetch, url, this.timeoutMs, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new Transient(`${url.host} could not be reached`);
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new Transient(`HTTP ${response.status}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw this.error(`${this.flavour.label} answered ${action} with HTTP ${response.status}.`);
    }
    let answer: z.infer<typeof Answer>;
    try {
      answer = Answer.parse(await response.json());
    } catch {
      throw new Transient('the answer is not the documented JSON');
    }
    return this.entries(answer, action);
  }

  private entries({ status, message, result }: z.infer<typeof Answer>, action: string): TransactionRef[] {
    // "No transactions found" (and its kin) is status 0 with an empty list: nothing to report, not a failure.
    if (Array.isArray(result) && (status === '1' || result.length === 0)) {
      const parsed = z.array(Entry).safeParse(result);
      if (parsed.success) return parsed.data;
      throw this.error(`${this.flavour.label} sent a malformed ${action} list.`);
    }
    const text = this.redact(typeof result === 'string' ? result : message).slice(0, 200);
    if (/rate limit/i.test(text)) throw new Transient(text);
    if (/api ?key/i.test(text)) {
      throw this.error(`${this.flavour.label} refused the API key (${text}). Check the key in Settings.`);
    }
    throw this.error(`${this.flavour.label} refused ${action}: ${text}`);
  }

  private redact(text: string): string {
    return this.flavour.secret ? text.replaceAll(this.flavour.secret, '…') : text;
  }

  private error(message: string, cause?: unknown): ProviderError {
    return new ProviderError(
      this.options.chainId,
      `History for ${this.options.chainName}: ${message}`,
      cause ? { cause } : undefined,
    );
  }
}

export const ETHERSCAN_V2_URL = 'https://api.etherscan.io/v2/api';

/** Etherscan's multichain API (v2): one key for every chain it lists, which one chosen by `chainid`. */
export class EtherscanProvider extends ExplorerApiProvider {
  constructor(options: ExplorerApiOptions & { apiKey: string; url?: string }) {
    super(
      {
        name: 'etherscan',
        label: 'Etherscan',
        url: options.url ?? ETHERSCAN_V2_URL,
        params: { chainid: String(options.chainId), apikey: options.apiKey },
        secret: options.apiKey,
      },
      options,
    );
  }
}

/** A Blockscout instance's Etherscan-compatible API (`/api`), which needs no key. */
export class BlockscoutProvider extends ExplorerApiProvider {
  /** `instance` is the explorer's origin, e.g. https://eth.blockscout.com. */
  constructor(options: ExplorerApiOptions & { instance: string }) {
    super(
      {
        name: 'blockscout',
        label: 'Blockscout',
        url: new URL('/api', options.instance).href,
        params: {},
      },
      options,
    );
  }
}
