import { type JsonRpcAnswer, MalformedResponse, parseAnswers } from './jsonRpc';
import { batchBody, type BatchItem } from './rpcBatch';
import { RpcError, type RpcErrorCode } from './rpcError';
import { readBoundedBody } from './boundedHttp';

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

/** Where a POST goes; only the host is ever named, since the URL may hold an API key. */
export interface EndpointAddress {
  url: string;
  host: string;
}

export interface RpcTransportOptions {
  chainId: number;
  timeoutMs: number;
  /** An answer larger than this is refused rather than buffered. */
  maxResponseBytes: number;
  fetch: typeof fetch;
  onExchange: ((exchange: RpcExchange) => void) | undefined;
}

/** Everything an endpoint did wrong is an RpcError naming the chain and the host, never the URL. */
export function endpointErrors(chainId: number) {
  return (
    code: RpcErrorCode,
    endpoint: EndpointAddress,
    message: string,
    extra: { status?: number; rpcCode?: number; rpcData?: unknown } = {},
    cause?: unknown,
  ): RpcError => new RpcError(code, message, { chainId, host: endpoint.host, ...extra }, { cause });
}

/** JSON-RPC over HTTP POST for one chain: the request, its limits, and what a failure is called. */
export class RpcTransport {
  private nextId = 1;
  private readonly error: ReturnType<typeof endpointErrors>;

  constructor(private readonly options: RpcTransportOptions) {
    this.error = endpointErrors(options.chainId);
  }

  /** One POST; `interpret` runs inside it, so what it finds wrong (a refusal, a bad result) is the outcome. */
  async post<T>(
    endpoint: EndpointAddress,
    items: readonly BatchItem[],
    signal: AbortSignal | undefined,
    interpret: (answers: JsonRpcAnswer[]) => T,
  ): Promise<T> {
    const ids = items.map(() => this.nextId++);
    const batched = items.length > 1;
    const body = batchBody(items, ids);
    const started = performance.now();
    let responseBytes = 0;
    let outcome: RpcExchange['outcome'] = 'ok';
    try {
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      const response = await this.options.fetch(endpoint.url, {
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
      const limit = this.options.maxResponseBytes;
      const text = await readBoundedBody(
        response,
        limit,
        () =>
          this.error('bad_response', endpoint, `${endpoint.host} sent an answer larger than ${limit} bytes.`),
        (bytes) => (responseBytes = bytes),
      );
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
      this.options.onExchange?.({
        chainId: this.options.chainId,
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

  private transportError(
    endpoint: EndpointAddress,
    error: unknown,
    signal: AbortSignal | undefined,
  ): RpcError {
    if (error instanceof RpcError) return error;
    if (signal?.aborted) return this.error('aborted', endpoint, 'The request was cancelled.');
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError') {
      return this.error(
        'timeout',
        endpoint,
        `${endpoint.host} did not answer within ${this.options.timeoutMs} ms.`,
      );
    }
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    const reason = typeof cause === 'string' ? cause : 'network error';
    return this.error('network', endpoint, `${endpoint.host} could not be reached (${reason}).`, {}, error);
  }
}
