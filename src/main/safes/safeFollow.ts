import type { ChainConnection } from '../chains/chainsService';
import { rpc } from '../rpc/jsonRpc';
import type { ChecksumAddress } from '../store/address';
import { executionOutcome } from './safeChecks';
import type { SafeTxRow } from './safeTransactionsRepository';

/**
 * Where an execTransaction this wallet sent stands: `executed` or `failed` by the Safe's own event in its
 * receipt, `replaced` when the Safe's nonce moved past it without it, `reverted` when its transaction was
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
  if (safeNonce > tx.fields.nonce) return 'replaced';
  return receipt ? 'reverted' : null;
}
