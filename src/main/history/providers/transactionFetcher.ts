import {
  type RpcBlockHeader,
  type RpcPendingTransaction,
  type RpcReceipt,
  type RpcRequest,
  type RpcTransaction,
  rpc,
} from '../../rpc/jsonRpc';
import type { RpcClient } from '../../rpc/rpcClient';
import { toChecksumAddress } from '../../store/address';
import type { RawTransaction, TransactionRef } from '../rawTransaction';
import { fromRpcError, ProviderError } from '../../rpc/providerError';

/**
 * Completes refs a provider found by hash only, in one JSON-RPC batch: each transaction, its receipt, and the
 * header of each block once. A receipt from another block than the one the chain now has at its number means
 * a reorg happened between the calls; that window is refused rather than mixed from two chains.
 */
export async function fetchTransactions(
  client: RpcClient,
  refs: readonly TransactionRef[],
  signal?: AbortSignal,
): Promise<RawTransaction[]> {
  const pending = refs.filter((ref) => !ref.full);
  const blocks = [...new Set(pending.map((ref) => ref.blockNumber))];
  const requests: RpcRequest<unknown>[] = [
    ...pending.map((ref) => rpc.getTransactionByHash(ref.hash)),
    ...pending.map((ref) => rpc.getTransactionReceipt(ref.hash)),
    ...blocks.map((block) => rpc.getBlockByNumber(BigInt(block))),
  ];
  let results: unknown[];
  try {
    results = requests.length > 0 ? await client.sendBatch(requests, signal) : [];
  } catch (error) {
    throw fromRpcError(error, client.chainId, `read transactions on ${client.chainName}`);
  }
  const count = pending.length;
  const headers = new Map(
    blocks.map((block, i) => [block, results[2 * count + i] as RpcBlockHeader] as const),
  );
  const fetched = new Map(
    pending.map((ref, i) => {
      const transaction = results[i] as RpcTransaction | RpcPendingTransaction | null;
      const receipt = results[count + i] as RpcReceipt | null;
      const header = headers.get(ref.blockNumber) as RpcBlockHeader;
      return [ref.hash, completeRef(client, ref, transaction, receipt, header)] as const;
    }),
  );
  return refs.map((ref) => ref.full ?? (fetched.get(ref.hash) as RawTransaction));
}

function completeRef(
  client: RpcClient,
  ref: TransactionRef,
  transaction: RpcTransaction | RpcPendingTransaction | null,
  receipt: RpcReceipt | null,
  header: RpcBlockHeader,
): RawTransaction {
  const where = `transaction ${ref.hash} on ${client.chainName}`;
  if (!transaction || transaction.blockHash === null || !receipt) {
    throw new ProviderError(client.chainId, `The RPC does not know ${where} yet; history will retry.`);
  }
  const moved =
    Number(receipt.blockNumber) !== ref.blockNumber ||
    receipt.blockHash !== header.hash ||
    transaction.blockHash !== receipt.blockHash;
  if (moved) {
    throw new ProviderError(
      client.chainId,
      `The chain reorganised while ${where} was read; history will retry.`,
    );
  }
  return toRawTransaction(client.chainId, transaction, receipt, Number(header.timestamp));
}

/** One transaction in the indexer's shape, from the node's JSON-RPC objects. */
export function toRawTransaction(
  chainId: number,
  transaction: RpcTransaction,
  receipt: RpcReceipt,
  timestamp: number,
): RawTransaction {
  return {
    chainId,
    hash: transaction.hash,
    blockNumber: Number(receipt.blockNumber),
    blockHash: receipt.blockHash,
    timestamp,
    transactionIndex: Number(transaction.transactionIndex),
    from: toChecksumAddress(transaction.from),
    to: transaction.to === null ? null : toChecksumAddress(transaction.to),
    contractAddress: receipt.contractAddress === null ? null : toChecksumAddress(receipt.contractAddress),
    value: transaction.value,
    input: transaction.input,
    nonce: Number(transaction.nonce),
    // A pre-Byzantium receipt has no status; those transactions are reported as they were mined.
    status: receipt.status === 0n ? 'failed' : 'success',
    gasUsed: receipt.gasUsed,
    // Nodes from before EIP-1559 leave effectiveGasPrice out; the legacy gas price is what was paid.
    effectiveGasPrice: receipt.effectiveGasPrice ?? transaction.gasPrice ?? 0n,
    logs: receipt.logs.map((log) => ({
      address: toChecksumAddress(log.address),
      topics: log.topics,
      data: log.data,
      logIndex: Number(log.logIndex),
    })),
  };
}
