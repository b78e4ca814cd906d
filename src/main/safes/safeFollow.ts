import type { ChainConnection } from '../chains/chainsService';
import { rpc } from '../rpc/jsonRpc';
import type { ChecksumAddress } from '../store/address';
import { executionOutcome } from './safeChecks';
import type { SafeTxRow } from './safeTransactionsRepository';

/**
 * Where an execTransaction this wallet sent stands: `executed` or `failed` by the Safe's own event in its
 * receipt, `replaced` when the Safe's nonce moved past it without it (and the node no longer knows it), `reverted` when its transaction was
 * included without reaching the Safe (it can be sent again), null while it is still on its way.
 */
export async function followExecution(
  { client, signal }: ChainConnection,
  safe: ChecksumAddress,
  tx: SafeTxRow,
  safeNonce: number,
): Promise<'executed' | 'failed' | 'replaced' | 'reverted' | null> {
  if (!tx.execution) return null;
  const receipt = await client.send(rpc.getTransactionReceipt(tx.execution.hash), signal);
  const outcome = receipt ? executionOutcome(receipt, safe, tx.safeTxHash) : null;
  if (outcome) return outcome;
  if (receipt) return safeNonce > tx.fields.nonce ? 'replaced' : 'reverted';
  if (safeNonce <= tx.fields.nonce) return null;
  // A node may count the Safe's nonce moved a moment before it serves the receipt that moved it: an
  // execution it still knows is ours on its way, not a replacement.
  return (await client.send(rpc.getTransactionByHash(tx.execution.hash), signal)) ? null : 'replaced';
}
