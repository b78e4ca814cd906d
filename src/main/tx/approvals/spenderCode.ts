import { rpc } from '../../rpc/jsonRpc';
import type { RpcClient } from '../../rpc/rpcClient';

/**
 * Which of these addresses have contract code at the latest block, from one JSON-RPC batch of eth_getCode
 * (split by the client where a node caps batches). An EIP-7702 delegated account has code too; it is the
 * user's or someone's account run by a contract, and is not called a plain account here.
 */
export async function addressesWithCode(
  client: RpcClient,
  addresses: readonly string[],
  signal?: AbortSignal,
): Promise<Set<string>> {
  const distinct = [...new Set(addresses)];
  if (distinct.length === 0) return new Set();
  const codes = await client.sendBatch(
    distinct.map((address) => rpc.getCode(address, 'latest')),
    signal,
  );
  return new Set(distinct.filter((_, index) => (codes[index] ?? '0x') !== '0x'));
}
