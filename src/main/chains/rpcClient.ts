import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Logger } from '../log';
import {
  type JsonRpcAnswer,
  MalformedResponse,
  parseAnswers,
  READ_ONLY_METHODS,
  rpc,
  type RpcRequest,
} from './jsonRpc';
import { endpointHost, RpcError, type RpcErrorCode } from './rpcError';

/** One HTTP POST to an RPC endpoint, reported whether it succeeded or not, so tests and benches can count. */
export interface RpcExchange {
  chainId: number;
  host: string;
  /** JSON-RPC calls in the POST, including an endpoint's chain check. */
  calls: number;
  methods: readonly string[];
  requestBytes: number;
  responseBytes: number;
  ms: number;
  outcome: 'ok' | RpcErrorCode;
}

export interface RetryPolicy {
  /** Tries per request, across endpoints; a refused endpoint does not use one up. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

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

interface Item {
  /** The request's position in its sendBatch call. */
  index: number;
  method: string;
  /** The serialized params. */
  json: string;
}

const CHAIN_CHECK: Item = { index: -1, method: 'eth_chainId', json: '[]' };
/** A generous bound on what a call's envelope adds to its params, for splitting batches by size. */
const ENVELOPE_BYTES = 64;

const RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };
/** JSON-RPC error codes that mean "slow down", which some providers send with HTTP 200. */
const RATE_LIMIT_CODES = new Set([429, -32005]);

/**
 * "Equal jitter": at least half the exponential delay, so retries back off, plus a random half, so clients
 * that failed together do not retry together.
 */
export function retryDelay(failures: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  return cap / 2 + (random() * cap) / 2;
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
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly maxBatchCalls: number;
  private readonly maxBatchBytes: number;
  private readonly maxResponseBytes: number;
  private readonly concurrency: number;
  private readonly fetch: typeof fetch;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly onExchange: ((exchange: RpcExchange) => void) | undefined;
  private readonly log: Logger | undefined;

  constructor(options: RpcClientOptions) {
    if (options.urls.length === 0) throw new Error(`${options.chainName} has no RPC endpoint`);
    this.chainId = options.chainId;
    this.chainName = options.chainName;
    this.endpoints = options.urls.map((url) => ({ url, host: endpointHost(url), state: 'unverified' }));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retry = { ...RETRY, ...options.retry };
    this.maxBatchCalls = options.maxBatchCalls ?? 100;
    this.maxBatchBytes = options.maxBatchBytes ?? 1_000_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
    this.concurrency = options.concurrency ?? 4;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.onExchange = options.onExchange;
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
    const groups = this.split(requests);
    const results: unknown[][] = [];
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < groups.length && !failed) {
        const index = next++;
        try {
          results[index] = await this.exchange(groups[index] as Item[], requests, signal);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, groups.length) }, worker));
    return results.flat() as RpcResults<R>;
  }

  private split(requests: readonly RpcRequest<unknown>[]): Item[][] {
    const groups: Item[][] = [];
    let group: Item[] = [];
    let bytes = 0;
    requests.forEach((request, index) => {
      const item = { index, method: request.method, json: JSON.stringify(request.params) };
      const size = item.json.length + ENVELOPE_BYTES;
      if (group.length > 0 && (group.length >= this.maxBatchCalls || bytes + size > this.maxBatchBytes)) {
        groups.push(group);
        group = [];
        bytes = 0;
      }
      group.push(item);
      bytes += size;
    });
    if (group.length > 0) groups.push(group);
    return groups;
  }

  private async exchange(
    group: readonly Item[],
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
    group: readonly Item[],
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
    return this.post(endpoint, items, signal, (answers) => {
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

  /** One POST; `interpret` runs inside it, so what it finds wrong (a refusal, a bad result) is the outcome. */
  private async post<T>(
    endpoint: Endpoint,
    items: readonly Item[],
    signal: AbortSignal | undefined,
    interpret: (answers: JsonRpcAnswer[]) => T,
  ): Promise<T> {
    const ids = items.map(() => this.nextId++);
    const calls = items.map(
      (item, i) => `{"jsonrpc":"2.0","id":${ids[i]},"method":"${item.method}","params":${item.json}}`,
    );
    const batched = items.length > 1;
    const body = batched ? `[${calls.join(',')}]` : (calls[0] as string);
    const started = performance.now();
    let responseBytes = 0;
    let outcome: RpcExchange['outcome'] = 'ok';
    try {
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const response = await this.fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        // A redirect would carry the request (and any key in it) to a host the user never configured.
        redirect: 'error',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw response.status === 429
          ? this.error('rate_limited', endpoint, `${endpoint.host} is rate limiting requests (HTTP 429).`, {
              status: 429,
            })
          : this.error('http', endpoint, `${endpoint.host} answered HTTP ${response.status}.`, {
              status: response.status,
            });
      }
      const text = await this.readBody(endpoint, response, (bytes) => (responseBytes = bytes));
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw this.error(
          'bad_response',
          endpoint,
          `${endpoint.host} answered with something that is not JSON.`,
        );
      }
      let answers: JsonRpcAnswer[];
      try {
        answers = parseAnswers(json, ids, batched);
      } catch (error) {
        if (!(error instanceof MalformedResponse)) throw error;
        throw this.error(
          'bad_response',
          endpoint,
          `${endpoint.host} sent a malformed answer: ${error.message}.`,
        );
      }
      return interpret(answers);
    } catch (error) {
      const failure = this.transportError(endpoint, error, signal);
      outcome = failure.code;
      throw failure;
    } finally {
      this.onExchange?.({
        chainId: this.chainId,
        host: endpoint.host,
        calls: items.length,
        methods: items.map((item) => item.method),
        requestBytes: Buffer.byteLength(body),
        responseBytes,
        ms: performance.now() - started,
        outcome,
      });
    }
  }

  private async readBody(
    endpoint: Endpoint,
    response: Response,
    progress: (bytes: number) => void,
  ): Promise<string> {
    const tooLarge = () =>
      this.error(
        'bad_response',
        endpoint,
        `${endpoint.host} sent an answer larger than ${this.maxResponseBytes} bytes.`,
      );
    if (Number(response.headers.get('content-length')) > this.maxResponseBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      for await (const chunk of response.body) {
        total += chunk.byteLength;
        progress(total);
        if (total > this.maxResponseBytes) throw tooLarge();
        chunks.push(chunk);
      }
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private transportError(endpoint: Endpoint, error: unknown, signal: AbortSignal | undefined): RpcError {
    if (error instanceof RpcError) return error;
    if (signal?.aborted) return this.error('aborted', endpoint, 'The request was cancelled.');
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError') {
      return this.error('timeout', endpoint, `${endpoint.host} did not answer within ${this.timeoutMs} ms.`);
    }
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    const reason = typeof cause === 'string' ? cause : 'network error';
    return this.error('network', endpoint, `${endpoint.host} could not be reached (${reason}).`, {}, error);
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

  private error(
    code: RpcErrorCode,
    endpoint: Endpoint,
    message: string,
    extra: { status?: number; rpcCode?: number; rpcData?: unknown } = {},
    cause?: unknown,
  ): RpcError {
    return new RpcError(code, message, { chainId: this.chainId, host: endpoint.host, ...extra }, { cause });
  }
}
