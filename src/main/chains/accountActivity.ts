import type { ChecksumAddress } from '../store/address';
import { rpc } from '../rpc/jsonRpc';
import { addressCall, decodeAggregate3, decodeWord, encodeAggregate3, SELECTOR } from '../rpc/multicall';
import type { RpcClient } from '../rpc/rpcClient';

export interface AccountActivity {
  address: ChecksumAddress;
  nonce: bigint;
  balance: bigint;
}

/**
 * Whether addresses were ever used on one chain: their nonces and native balances at one block, in one
 * JSON-RPC batch (the balances through a single Multicall3 `aggregate3`). Discovery reads a handful of
 * addresses at a time, so no chunking is needed here.
 */
export async function readAccountActivity(
  client: RpcClient,
  multicall: string,
  addresses: readonly ChecksumAddress[],
  signal?: AbortSignal,
): Promise<AccountActivity[]> {
  if (addresses.length === 0) return [];
  const block = await client.send(rpc.blockNumber(), signal);
  const calls = addresses.map((address) => ({
    target: multicall,
    callData: addressCall(SELECTOR.getEthBalance, address),
  }));
  const [balancesData, ...nonces] = await client.sendBatch(
    [
      rpc.call(multicall, encodeAggregate3(calls), block),
      ...addresses.map((address) => rpc.getTransactionCount(address, block)),
    ],
    signal,
  );
  const balances = decodeAggregate3(balancesData as string, calls.length).map(decodeWord);
  return addresses.map((address, index) => {
    const balance = balances[index];
    // Multicall3's getEthBalance cannot fail, so a missing answer means the node is not to be trusted here.
    if (balance == null) throw new Error(`${client.chainName} did not return the balance of ${address}`);
    return { address, nonce: nonces[index] as bigint, balance };
  });
}
