import { ApiError } from '../../shared/api/envelope';
import { RpcError } from '../rpc/rpcError';
import { explainRpcError, type NativeCoin } from './broadcastErrors';

/**
 * A chain that cannot be reached, or a node that refuses, is the user's to know about: as a sentence saying
 * what to do, with the node's own words (host and answer, never a URL) kept as the detail. `native` lets a
 * refusal that names figures in wei ("insufficient funds … have … want …") say them in the chain's coin.
 */
export async function chainCall<T>(run: () => Promise<T>, native?: NativeCoin): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
    const { code, message } = explainRpcError(error, native);
    throw new ApiError(code, message, { cause: error, detail: error.message });
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
