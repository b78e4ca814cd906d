/**
 * The errors a site sees, as EIP-1193 and EIP-1474 number them. Every failure of a provider request ends as
 * one of these, so the page always gets a code it knows how to read, and never a stack or a path of ours.
 */
export class ProviderError extends Error {
  readonly code: number;
  readonly data?: unknown;

  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'ProviderError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

export const userRejected = (message = 'The user rejected the request.') => new ProviderError(4001, message);

export const unauthorized = (
  message = 'This site is not connected to the wallet; ask for accounts first (eth_requestAccounts).',
) => new ProviderError(4100, message);

export const unsupportedMethod = (method: string) =>
  new ProviderError(4200, `The wallet does not support the method ${JSON.stringify(method.slice(0, 64))}.`);

export const disconnected = (message = 'The wallet is not reachable.') => new ProviderError(4900, message);

export const chainDisconnected = (message = 'The wallet cannot reach this chain now.') =>
  new ProviderError(4901, message);

export const unrecognizedChain = (chainId: number) =>
  new ProviderError(
    4902,
    `The wallet has no enabled network with chain id ${chainId}; add it first (wallet_addEthereumChain).`,
  );

export const invalidRequest = (message = 'The request is not a valid JSON-RPC request.') =>
  new ProviderError(-32600, message);

export const invalidParams = (message: string) => new ProviderError(-32602, message);

export const internal = (message = 'The wallet could not answer; try again.') =>
  new ProviderError(-32603, message);

export const limitExceeded = (message = 'Too many requests from this site; wait a moment.') =>
  new ProviderError(-32005, message);

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

/**
 * The wire form of any failure. A ProviderError keeps its code, message and data (ours, written for the
 * site); anything else became a bug or a library's text on the way, so the site learns only that it failed.
 */
export function toRpcError(error: unknown): RpcError {
  if (!(error instanceof ProviderError)) return { code: -32603, message: internal().message };
  return error.data === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, data: error.data };
}
