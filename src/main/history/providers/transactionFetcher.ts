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
import type { KnownTransaction, RawTransaction, TransactionRef } from '../rawTransaction';
import { fromRpcError, ProviderError } from '../../rpc/providerError';

/**
 * Completes refs a provider did not give whole, in one JSON-RPC batch, asking only for what is missing: the
 * receipt always, the transaction unless an explorer's row gave it, and each block's header once unless a
 * row gave its time and hash. A receipt from another block than the one the chain (or the explorer) has at
 * its number means a reorg happened between the calls; that batch is refused rather than mixed from two
 * chains.
 */
export async function fetchTransactions(
  client: RpcClient,
  refs: readonly TransactionRef[],
  signal?: AbortSignal,
): Promise<RawTransaction[]> {
  const pending = refs.filter((ref) => !ref.full);
  const unknownTx = pending.filter((ref) => !ref.known?.transaction);
  const blocks = [...new Set(pending.filter((ref) => !ref.known).map((ref) => ref.blockNumber))];
  const requests: RpcRequest<unknown>[] = [
    ...pending.map((ref) => rpc.getTransactionReceipt(ref.hash)),
    ...unknownTx.map((ref) => rpc.getTransactionByHash(ref.hash)),
    ...blocks.map((block) => rpc.getBlockByNumber(BigInt(block))),
  ];
  let results: unknown[];
  try {
    results = requests.length > 0 ? await client.sendBatch(requests, signal) : [];
  } catch (error) {
    throw fromRpcError(error, client.chainId, `read transactions on ${client.chainName}`);
  }
  const receipts = results.slice(0, pending.length) as (RpcReceipt | null)[];
  const transactions = new Map(
    unknownTx.map((ref, i) => [ref.hash, results[pending.length + i] as RpcOrPending | null] as const),
  );
  const headerAt = pending.length + unknownTx.length;
  const headers = new Map(
    blocks.map((block, i) => [block, results[headerAt + i] as RpcBlockHeader] as const),
  );
  const fetched = new Map(
    pending.map((ref, i) => {
      const header = headers.get(ref.blockNumber);
      const block = ref.known ?? { timestamp: Number(header?.timestamp), blockHash: header?.hash };
      const facts = ref.known?.transaction ?? transactions.get(ref.hash) ?? null;
      return [ref.hash, completeRef(client, ref, facts, receipts[i] ?? null, block)] as const;
    }),
  );
  return refs.map((ref) => ref.full ?? (fetched.get(ref.hash) as RawTransaction));
}

type RpcOrPending = RpcTransaction | RpcPendingTransaction;
type TransactionFacts = RpcOrPending | NonNullable<KnownTransaction['transaction']>;
/** The block's time and hash, from the node's header or the explorer's row (which may lack the hash). */
type BlockFacts = Pick<KnownTransaction, 'timestamp' | 'blockHash'>;

function completeRef(
  client: RpcClient,
  ref: TransactionRef,
  transaction: TransactionFacts | null,
  receipt: RpcReceipt | null,
  block: BlockFacts,
): RawTransaction {
  const where = `transaction ${ref.hash} on ${client.chainName}`;
  const minedHash = transaction && 'blockHash' in transaction ? transaction.blockHash : undefined;
  if (!transaction || minedHash === null || !receipt) {
    throw new ProviderError(client.chainId, `The RPC does not know ${where} yet; history will retry.`);
  }
  const moved =
    Number(receipt.blockNumber) !== ref.blockNumber ||
    (block.blockHash !== undefined && receipt.blockHash !== block.blockHash.toLowerCase()) ||
    (minedHash !== undefined && minedHash !== receipt.blockHash);
  if (moved) {
    throw new ProviderError(
      client.chainId,
      `The chain reorganised while ${where} was read; history will retry.`,
    );
  }
  if ('chainId' in transaction) return withReceipt(transaction, receipt, block.timestamp);
  // Mined: its block hash was checked above.
  return toRawTransaction(client.chainId, transaction as RpcTransaction, receipt, block.timestamp);
}

/** An explorer's transaction fields with what only the receipt says: outcome, gas paid and logs. */
function withReceipt(
  transaction: NonNullable<KnownTransaction['transaction']>,
  receipt: RpcReceipt,
  timestamp: number,
): RawTransaction {
  const { gasPrice, ...fields } = transaction;
  return {
    ...fields,
    blockHash: receipt.blockHash,
    timestamp,
    contractAddress: receipt.contractAddress === null ? null : toChecksumAddress(receipt.contractAddress),
    status: receipt.status === 0n ? 'failed' : 'success',
    gasUsed: receipt.gasUsed,
    // Nodes from before EIP-1559 leave effectiveGasPrice out; the row's price is what was paid.
    effectiveGasPrice: receipt.effectiveGasPrice ?? gasPrice,
    logs: rawLogs(receipt),
  };
}

function rawLogs(receipt: RpcReceipt): RawTransaction['logs'] {
  return receipt.logs.map((log) => ({
    address: toChecksumAddress(log.address),
    topics: log.topics,
    data: log.data,
    logIndex: Number(log.logIndex),
  }));
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
    logs: rawLogs(receipt),
  };
}
