import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Logger } from '../log';
import { type JsonRpcAnswer, READ_ONLY_METHODS, rpc, type RpcRequest } from './jsonRpc';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retryPolicy';
import { type BatchItem, type BatchLimits, splitBatch } from './rpcBatch';
import { endpointHost, RpcError } from './rpcError';
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
}

const CHAIN_CHECK: BatchItem = { index: -1, method: 'eth_chainId', json: '[]' };
/** JSON-RPC error codes that mean "slow down", which some providers send with HTTP 200. */
const RATE_LIMIT_CODES = new Set([429, -32005]);

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
    this.endpoints = options.urls.map((url) => ({ url, host: endpointHost(url), state: 'unverified' }));
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
    const groups = splitBatch(requests, this.limits);
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
    return results.flat() as RpcResults<R>;
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
        if (!(error instanceof RpcError)) throw error;
        if (error.code === 'chain_mismatch') continue;
        if (!error.endpointFailure) throw error;
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

  private async attempt(
    endpoint: Endpoint,
    group: readonly BatchItem[],
    requests: readonly RpcRequest<unknown>[],
    signal: AbortSignal | undefined,
  ): Promise<unknown[]> {
    const check = endpoint.state === 'unverified';
    if (check && !group.every((item) => READ_ONLY_METHODS.has(item.method))) {
      // Anything but a read waits until the endpoint is known to serve this chain.
      await this.attempt(endpoint, [], [], signal);
      return this.attempt(endpoint, group, requests, signal);
    }
    // Reads share the POST with the chain check: if the chain is wrong, their answers are dropped unread.
    const items = check ? [CHAIN_CHECK, ...group] : group;
    return this.transport.post(endpoint, items, signal, (answers) => {
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
