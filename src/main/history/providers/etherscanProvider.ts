import { setTimeout as sleepFor } from 'node:timers/promises';
import { z } from 'zod';
import { type RetryPolicy, retryDelay } from '../../rpc/retryPolicy';
import type { ChecksumAddress } from '../../store/address';
import type { BlockRange, HistoryProvider, PartialRefs, TransactionRef } from '../rawTransaction';
import { ProviderError } from '../../rpc/providerError';
import { sharedRateLimiter } from './rateLimiter';
import {
  EXPLORER_ACTIONS,
  type ExplorerAction,
  type ExplorerRow,
  parseRows,
  refsFromRows,
} from './explorerRows';
import { getJson, readBoundedBody } from '../../rpc/boundedHttp';

export interface ExplorerApiOptions {
  chainId: number;
  chainName: string;
  /** E.g. Electron's `net.fetch`, which follows the system proxy settings. */
  fetch?: typeof fetch;
  /** Results per page, the API's `offset`; both APIs document 10,000 as the most. */
  pageSize?: number;
  /** The most results one query pages through (page × offset); both APIs document 10,000. */
  resultWindow?: number;
  /** Shared by every provider of the same API and key: Etherscan's v2 key is one limit across chains. */
  perSecond?: number;
  /** The most bytes one page may take; 10,000 rows with their inputs can be tens of megabytes. */
  maxPageBytes?: number;
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

const Answer = z.object({ status: z.string(), message: z.string(), result: z.unknown() });

/** Rows of the newest-first page a first sync shows early: a page of History and some. */
const PREVIEW_ROWS = 100;

const RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000 };

/** Retrying may help: a rate limit, an overloaded server, a dropped connection. */
class Transient extends Error {}

/**
 * Transaction lists from an Etherscan-compatible explorer API: every action's rows in the range, paged in
 * ascending block order. Past the result window it restarts from the last block it saw, so a busy address
 * is read in full; that block's entries come twice and are merged. The rows make whole transactions where
 * they are all decoding needs (see explorerRows), so the node is asked only for the receipts that matter.
 */
export class ExplorerApiProvider implements HistoryProvider {
  readonly name: ExplorerFlavour['name'];
  readonly windowless = true;
  private readonly fetch: typeof fetch;
  private readonly pageSize: number;
  private readonly resultWindow: number;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly maxPageBytes: number;
  private readonly limiter: ReturnType<typeof sharedRateLimiter>;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly flavour: ExplorerFlavour,
    private readonly options: ExplorerApiOptions,
  ) {
    this.name = flavour.name;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.pageSize = options.pageSize ?? 10_000;
    this.maxPageBytes = options.maxPageBytes ?? 128 * 1024 * 1024;
    this.resultWindow = options.resultWindow ?? 10_000;
    this.retry = { ...RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.random = options.random ?? Math.random;
    this.limiter = sharedRateLimiter(`${new URL(flavour.url).origin} ${flavour.secret ?? ''}`, {
      perSecond: options.perSecond ?? 5,
      ...(options.now ? { now: options.now } : {}),
      sleep: this.sleep,
    });
  }

  async transactions(
    address: ChecksumAddress,
    range: BlockRange,
    signal?: AbortSignal,
    onPartial?: PartialRefs,
  ): Promise<TransactionRef[]> {
    if (onPartial && range.fromBlock === 0) {
      // A first sync shows the newest transactions before the whole history is read: one small page,
      // newest first, whose whole rows the full lists will repeat.
      const newest = await this.request(
        'txlist',
        { address, start: 0, end: range.toBlock, page: 1 },
        signal,
        {
          offset: PREVIEW_ROWS,
          sort: 'desc',
        },
      );
      onPartial(refsFromRows(this.options.chainId, newest).filter((ref) => ref.full));
    }
    // One list after another: the rate limit spaces them anyway, and a failure stops the rest.
    const rows: ExplorerRow[] = [];
    for (const action of EXPLORER_ACTIONS) {
      rows.push(...(await this.list(action, address, range, signal)));
      // A txlist row that is whole now stays whole: it ran no code or failed, so no token list names it.
      if (action === 'txlist')
        onPartial?.(refsFromRows(this.options.chainId, rows).filter((ref) => ref.full));
    }
    return refsFromRows(this.options.chainId, rows);
  }

  private async list(
    action: ExplorerAction,
    address: string,
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<ExplorerRow[]> {
    let rows: ExplorerRow[] = [];
    let start = range.fromBlock;
    let page = 1;
    for (;;) {
      const entries = await this.request(action, { address, start, end: range.toBlock, page }, signal);
      rows.push(
        ...entries.filter((row) => row.blockNumber >= range.fromBlock && row.blockNumber <= range.toBlock),
      );
      const last = entries.at(-1);
      if (!last || entries.length < this.pageSize) return rows;
      if (page * this.pageSize < this.resultWindow) {
        page++;
        continue;
      }
      if (last.blockNumber <= start) {
        throw this.error(
          `${this.flavour.label} lists more than ${this.resultWindow} ${action} results in block ${start}.`,
        );
      }
      // The next query lists this block from its first row: the rows of it seen so far would come twice, and
      // rows carry no log index to tell a repeat from a second, identical transfer.
      start = last.blockNumber;
      rows = rows.filter((row) => row.blockNumber !== start);
      page = 1;
    }
  }

  private async request(
    action: ExplorerAction,
    query: { address: string; start: number; end: number; page: number },
    signal?: AbortSignal,
    order: { offset: number; sort: 'asc' | 'desc' } = { offset: this.pageSize, sort: 'asc' },
  ): Promise<ExplorerRow[]> {
    const url = new URL(this.flavour.url);
    const params = {
      ...this.flavour.params,
      module: 'account',
      action,
      address: query.address,
      startblock: String(query.start),
      endblock: String(query.end),
      page: String(query.page),
      offset: String(order.offset),
      sort: order.sort,
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

  private async attempt(url: URL, action: ExplorerAction, signal?: AbortSignal): Promise<ExplorerRow[]> {
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
    const text = await readBoundedBody(response, this.maxPageBytes, () =>
      this.error(`${this.flavour.label} sent a ${action} page larger than ${this.maxPageBytes} bytes.`),
    );
    let answer: z.infer<typeof Answer>;
    try {
      answer = Answer.parse(JSON.parse(text));
    } catch {
      throw new Transient('the answer is not the documented JSON');
    }
    return this.entries(answer, action);
  }

  private entries(
    { status, message, result }: z.infer<typeof Answer>,
    action: ExplorerAction,
  ): ExplorerRow[] {
    // "No transactions found" (and its kin) is status 0 with an empty list: nothing to report, not a failure.
    if (Array.isArray(result) && (status === '1' || result.length === 0)) {
      const rows = parseRows(action, result);
      if (rows) return rows;
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
