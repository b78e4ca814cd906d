import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Logger } from '../log';
import { batchTooLarge } from './batchRefusal';
import { type JsonRpcAnswer, READ_ONLY_METHODS, rpc, type RpcRequest } from './jsonRpc';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retryPolicy';
import { type BatchItem, type BatchLimits, splitBatch } from './rpcBatch';
import { endpointHost, RpcError } from './rpcError';
import { RequestPacer } from './requestPacer';
import { endpointErrors, type RpcExchange, RpcTransport } from './rpcTransport';

export type { RpcExchange } from './rpcTransport';

export interface RpcClientOptions {
  chainId: number;
  chainName: string;
  /** In order of preference; a failing endpoint hands over to the next. */
  urls: readonly string[];
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Many providers cap a batch's size; larger batches are split over several POSTs. */
  maxBatchCalls?: number;
  maxBatchBytes?: number;
  /** An answer larger than this is refused rather than buffered. */
  maxResponseBytes?: number;
  /** How many POSTs of one split batch may be in flight at once. */
  concurrency?: number;
  /** E.g. Electron's `net.fetch`, which follows the system proxy settings. */
  fetch?: typeof fetch;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onExchange?: (exchange: RpcExchange) => void;
  log?: Logger;
}

export type RpcResults<R extends readonly RpcRequest<unknown>[]> = {
  -readonly [K in keyof R]: R[K] extends RpcRequest<infer T> ? T : never;
};

interface Endpoint {
  url: string;
  host: string;
  state: 'unverified' | 'verified' | 'refused';
  /** Why it was refused, for the message when no endpoint is left. */
  refusal?: string;
  pacer: RequestPacer;
}

const CHAIN_CHECK: BatchItem = { index: -1, method: 'eth_chainId', json: '[]' };
/** JSON-RPC error codes that mean "slow down", which some providers send with HTTP 200. */
const RATE_LIMIT_CODES = new Set([429, -32005]);

/**
 * A batch the endpoint refused whole for its size, answering one error for all of it: one error object
 * (Alchemy's and Infura's "batch size too large, max N") or geth's and Erigon's array of one, which
 * parseAnswers reads as one error too (see batchRefusal.ts).
 */
class BatchRefused extends RpcError {
  constructor(
    endpoint: Endpoint,
    chainId: number,
    readonly stated: number | null,
    rpcCode: number,
  ) {
    super('rpc', `${endpoint.host} refused a batch as too large.`, { chainId, host: endpoint.host, rpcCode });
  }
}

function batchRefusal(
  endpoint: Endpoint,
  chainId: number,
  items: number,
  answers: readonly JsonRpcAnswer[],
): BatchRefused | null {
  const [first] = answers;
  if (items < 2 || !first || first.ok || answers.some((answer) => answer !== first)) return null;
  const refusal = batchTooLarge(first.error);
  return refusal && new BatchRefused(endpoint, chainId, refusal.stated, first.error.code);
}

/**
 * A JSON-RPC client for one chain over its list of endpoints. It checks each endpoint's `eth_chainId`
 * before anything that endpoint says is used, batches calls into as few POSTs as providers accept, and
 * fails over to the next endpoint on a timeout, a network error, a 429 or 5xx, or a malformed answer.
 */
export class RpcClient {
  readonly chainId: number;
  readonly chainName: string;
  private readonly endpoints: Endpoint[];
  private preferred = 0;
  /** Whether a batch as large as `limits` allows has been answered, or the endpoint said what it allows. */
  private batchSizeProven = false;
  private readonly retry: RetryPolicy;
  private readonly limits: BatchLimits;
  private readonly concurrency: number;
  private readonly transport: RpcTransport;
  private readonly error: ReturnType<typeof endpointErrors>;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly log: Logger | undefined;

  constructor(options: RpcClientOptions) {
    if (options.urls.length === 0) throw new Error(`${options.chainName} has no RPC endpoint`);
    this.chainId = options.chainId;
    this.chainName = options.chainName;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.limits = {
      maxBatchCalls: options.maxBatchCalls ?? 100,
      maxBatchBytes: options.maxBatchBytes ?? 1_000_000,
    };
    this.concurrency = options.concurrency ?? 4;
    this.transport = new RpcTransport({
      chainId: options.chainId,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxResponseBytes: options.maxResponseBytes ?? 32 * 1024 * 1024,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      onExchange: options.onExchange,
    });
    this.error = endpointErrors(options.chainId);
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.log = options.log;
    this.endpoints = options.urls.map((url) => ({
      url,
      host: endpointHost(url),
      state: 'unverified',
      pacer: new RequestPacer({ sleep: this.sleep }),
    }));
  }

  /** The host requests go to now, for status displays. */
  get endpoint(): string | null {
    return this.current()?.host ?? null;
  }

  async send<T>(request: RpcRequest<T>, signal?: AbortSignal): Promise<T> {
    const [result] = await this.sendBatch([request] as const, signal);
    return result;
  }

  /** Resolves to every result in order, or rejects with the first RpcError. */
  async sendBatch<const R extends readonly RpcRequest<unknown>[]>(
    requests: R,
    signal?: AbortSignal,
  ): Promise<RpcResults<R>> {
    let groups = splitBatch(requests, this.limits);
    const first: unknown[] = [];
    if (!this.batchSizeProven && groups.length > 1) {
      // Until a batch of the largest size went through, the first goes alone: should the endpoint refuse it
      // as too large, the others are split by what it said instead of all being refused too.
      const probe = groups[0] as BatchItem[];
      first.push(...(await this.exchange(probe, requests, signal)));
      this.batchSizeProven = true;
      groups = splitBatch(requests.slice(probe.length), this.limits).map((group) =>
        group.map((item) => ({ ...item, index: item.index + probe.length })),
      );
    }
    const results: unknown[][] = [];
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < groups.length && !failed) {
        const index = next++;
        try {
          results[index] = await this.exchange(groups[index] as BatchItem[], requests, signal);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, groups.length) }, worker));
    return [...first, ...results.flat()] as RpcResults<R>;
  }

  private async exchange(
    group: readonly BatchItem[],
    requests: readonly RpcRequest<unknown>[],
    signal: AbortSignal | undefined,
  ): Promise<unknown[]> {
    let failures = 0;
    let lastFailure: RpcError | undefined;
    while (failures < this.retry.attempts) {
      const endpoint = this.current();
      if (!endpoint) throw this.everyEndpointRefused();
      try {
        return await this.attempt(endpoint, group, requests, signal);
      } catch (error) {
        if (error instanceof BatchRefused) return this.resplit(endpoint, group, requests, error, signal);
        if (!(error instanceof RpcError)) throw error;
        if (error.code === 'chain_mismatch') continue;
        if (!error.endpointFailure) throw error;
        if (error.code === 'rate_limited') endpoint.pacer.refused();
        lastFailure = error;
        failures++;
        this.failOver(endpoint, error);
        if (failures < this.retry.attempts) await this.pause(failures, signal);
      }
    }
    throw new RpcError(
      'unavailable',
      `No RPC endpoint of ${this.chainName} answered. Last: ${lastFailure?.message}`,
      { chainId: this.chainId, host: lastFailure?.host ?? null },
      { cause: lastFailure },
    );
  }

  /**
   * The endpoint refused the batch for its size: it is remembered as the most this client sends it (the
   * limit it stated, or half), and the group goes again in parts that fit.
   */
  private async resplit(
    endpoint: Endpoint,
    group: readonly BatchItem[],
    requests: readonly RpcRequest<unknown>[],
    refusal: BatchRefused,
    signal: AbortSignal | undefined,
  ): Promise<unknown[]> {
    const sent = group.length + (endpoint.state === 'unverified' ? 1 : 0);
    const limit = refusal.stated !== null && refusal.stated < sent ? refusal.stated : Math.floor(sent / 2);
    this.limits.maxBatchCalls = Math.max(1, Math.min(this.limits.maxBatchCalls, limit));
    this.log?.warn('rpc endpoint refused a batch as too large', {
      chainId: this.chainId,
      host: endpoint.host,
      maxBatchCalls: this.limits.maxBatchCalls,
    });
    // Another batch's refusal may lower the limit meanwhile: these parts keep the size they started with.
    const size = this.limits.maxBatchCalls;
    const results: unknown[] = [];
    for (let at = 0; at < group.length; at += size) {
      results.push(...(await this.exchange(group.slice(at, at + size), requests, signal)));
    }
    return results;
  }

  private async attempt(
    endpoint: Endpoint,
    group: readonly BatchItem[],
    requests: readonly RpcRequest<unknown>[],
    signal: AbortSignal | undefined,
  ): Promise<unknown[]> {
    const check = endpoint.state === 'unverified';
    const reads = group.every((item) => READ_ONLY_METHODS.has(item.method));
    if (check && group.length > 0 && (!reads || group.length >= this.limits.maxBatchCalls)) {
      // Anything but a read, or a batch with no room for the check, waits until the chain is known.
      await this.attempt(endpoint, [], [], signal);
      return this.attempt(endpoint, group, requests, signal);
    }
    try {
      await endpoint.pacer.take(signal);
    } catch {
      throw new RpcError('aborted', 'The request was cancelled.', { chainId: this.chainId, host: null });
    }
    // Reads share the POST with the chain check: if the chain is wrong, their answers are dropped unread.
    const items = check ? [CHAIN_CHECK, ...group] : group;
    return this.transport.post(endpoint, items, signal, (answers) => {
      const refused = batchRefusal(endpoint, this.chainId, items.length, answers);
      if (refused) throw refused;
      if (check) this.verify(endpoint, answers[0] as JsonRpcAnswer);
      const offset = check ? 1 : 0;
      return group.map((item, index) =>
        this.result(
          endpoint,
          requests[item.index] as RpcRequest<unknown>,
          answers[index + offset] as JsonRpcAnswer,
        ),
      );
    });
  }

  private verify(endpoint: Endpoint, answer: JsonRpcAnswer): void {
    if (!answer.ok && !RATE_LIMIT_CODES.has(answer.error.code)) {
      throw this.error(
        'bad_response',
        endpoint,
        `${endpoint.host} did not answer eth_chainId, so its chain is unknown.`,
      );
    }
    const chainId = this.result(endpoint, rpc.chainId(), answer);
    if (chainId === BigInt(this.chainId)) {
      endpoint.state = 'verified';
      return;
    }
    endpoint.state = 'refused';
    endpoint.refusal = `${endpoint.host} serves chain ${chainId}, not ${this.chainName} (${this.chainId}).`;
    this.log?.warn('rpc endpoint serves another chain', {
      chainId: this.chainId,
      host: endpoint.host,
      servedChainId: chainId.toString(),
    });
    throw this.error(
      'chain_mismatch',
      endpoint,
      `${endpoint.refusal} It was refused, and nothing it sent was used.`,
    );
  }

  private result<T>(endpoint: Endpoint, request: RpcRequest<T>, answer: JsonRpcAnswer): T {
    if (!answer.ok) {
      const { code, message, data } = answer.error;
      const text = `${endpoint.host} refused ${request.method}: ${message.slice(0, 200)} (code ${code}).`;
      throw this.error(RATE_LIMIT_CODES.has(code) ? 'rate_limited' : 'rpc', endpoint, text, {
        rpcCode: code,
        rpcData: data,
      });
    }
    const parsed = request.result.safeParse(answer.result);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]?.message ?? 'unexpected shape';
      throw this.error(
        'bad_response',
        endpoint,
        `${endpoint.host} sent a malformed ${request.method} result (${issue}).`,
      );
    }
    return parsed.data;
  }

  private current(): Endpoint | undefined {
    for (let step = 0; step < this.endpoints.length; step++) {
      const endpoint = this.endpoints[(this.preferred + step) % this.endpoints.length] as Endpoint;
      if (endpoint.state !== 'refused') return endpoint;
    }
    return undefined;
  }

  /** Later requests start at the next endpoint too, so a dead primary is not retried on every call. */
  private failOver(endpoint: Endpoint, error: RpcError): void {
    const index = this.endpoints.indexOf(endpoint);
    if (this.current() === endpoint) this.preferred = (index + 1) % this.endpoints.length;
    this.log?.warn('rpc endpoint failed', { chainId: this.chainId, host: endpoint.host, code: error.code });
  }

  private async pause(failures: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.sleep(retryDelay(failures, this.retry, this.random), signal);
    } catch {
      throw new RpcError('aborted', 'The request was cancelled.', { chainId: this.chainId, host: null });
    }
  }

  private everyEndpointRefused(): RpcError {
    return new RpcError(
      'chain_mismatch',
      `No RPC endpoint of ${this.chainName} can be used: ${this.endpoints.map((e) => e.refusal).join(' ')} ` +
        'Nothing they sent was used.',
      { chainId: this.chainId, host: null },
    );
  }
}
