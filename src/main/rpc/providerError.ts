import { ApiError } from '../../shared/api/envelope';
import { RpcError } from './rpcError';

/**
 * A history provider could not answer, so the indexer keeps its cursor and tries again later. The message is
 * shown to the user as is: it names the source and chain and never carries an API key or a full URL.
 */
export class ProviderError extends ApiError<'chain_unavailable'> {
  constructor(
    readonly chainId: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super('chain_unavailable', message, options);
    this.name = 'ProviderError';
  }
}

/**
 * An RPC failure as the indexer expects it from a provider; a cancellation stays what it is, so closing the
 * service is not reported as an outage.
 */
export function fromRpcError(error: unknown, chainId: number, doing: string): unknown {
  if (!(error instanceof RpcError) || error.code === 'aborted') return error;
  return new ProviderError(chainId, `Could not ${doing}: ${error.message}`, { cause: error });
}
