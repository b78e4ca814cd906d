import { ApiError } from '../../shared/api/envelope';
import { RpcError } from '../rpc/rpcError';

/** A chain that cannot be reached is the user's to know about, with its words, not an internal error. */
export async function chainCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RpcError) throw new ApiError('chain_unavailable', error.message, { cause: error });
    throw error;
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
