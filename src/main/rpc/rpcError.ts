/**
 * - `timeout`, `network`, `rate_limited`, `http`, `bad_response`: this endpoint failed; another may not.
 * - `chain_mismatch`: the endpoint serves another chain, so it is refused for good.
 * - `rpc`: the node understood the call and answered with a JSON-RPC error (e.g. a revert); asking another
 *   endpoint would get the same answer.
 * - `unavailable`: every endpoint of the chain failed; the cause is the last failure.
 * - `aborted`: the caller gave up (the service is closing).
 */
export type RpcErrorCode =
  | 'timeout'
  | 'network'
  | 'rate_limited'
  | 'http'
  | 'bad_response'
  | 'chain_mismatch'
  | 'rpc'
  | 'unavailable'
  | 'aborted';

const ENDPOINT_FAILURES: ReadonlySet<RpcErrorCode> = new Set([
  'timeout',
  'network',
  'rate_limited',
  'http',
  'bad_response',
]);

export interface RpcErrorContext {
  chainId: number;
  /** Host and port only: RPC URLs often carry an API key in their path or query. */
  host: string | null;
  status?: number;
  rpcCode?: number;
  /** The JSON-RPC error's `data`: for a revert, the bytes the contract reverted with. */
  rpcData?: unknown;
}

/** Its message is written for a person and is safe to log and show: it never contains a full RPC URL. */
export class RpcError extends Error {
  readonly chainId: number;
  readonly host: string | null;
  readonly status: number | undefined;
  readonly rpcCode: number | undefined;
  readonly rpcData: unknown;

  constructor(
    readonly code: RpcErrorCode,
    message: string,
    context: RpcErrorContext,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RpcError';
    this.chainId = context.chainId;
    this.host = context.host;
    this.status = context.status;
    this.rpcCode = context.rpcCode;
    this.rpcData = context.rpcData;
  }

  /** Whether the same request may succeed on another endpoint or a little later. */
  get endpointFailure(): boolean {
    return ENDPOINT_FAILURES.has(this.code);
  }
}

export function endpointHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unparseable RPC URL';
  }
}
