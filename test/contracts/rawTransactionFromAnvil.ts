import { toChecksumAddress } from '../../src/main/store/address';
import type { RawTransaction } from '../../src/main/history/rawTransaction';
import { anvilBatch, sendAndMine } from '../anvil/chainSetup';

interface RpcLog {
  address: string;
  topics: string[];
  data: string;
  logIndex: string;
}

/**
 * Sends a transaction on anvil and reads it back as the decoder's RawTransaction, from plain JSON-RPC, so
 * the anvil tests decode exactly what the chain recorded.
 */
export async function sendRaw(url: string, transaction: Record<string, unknown>): Promise<RawTransaction> {
  const { transactionHash } = (await sendAndMine(url, transaction)) as unknown as { transactionHash: string };
  const [tx, receipt] = (await anvilBatch(url, [
    ['eth_getTransactionByHash', [transactionHash]],
    ['eth_getTransactionReceipt', [transactionHash]],
  ])) as [Record<string, string | null>, Record<string, unknown>];
  const [block] = (await anvilBatch(url, [['eth_getBlockByHash', [receipt.blockHash, false]]])) as [
    { timestamp: string },
  ];
  const address = (value: unknown) => (typeof value === 'string' ? toChecksumAddress(value) : null);
  return {
    chainId: Number(tx.chainId),
    hash: transactionHash,
    blockNumber: Number(receipt.blockNumber),
    blockHash: receipt.blockHash as string,
    timestamp: Number(block.timestamp),
    transactionIndex: Number(receipt.transactionIndex),
    from: toChecksumAddress(tx.from as string),
    to: address(tx.to),
    contractAddress: address(receipt.contractAddress),
    value: BigInt(tx.value as string),
    input: tx.input as string,
    nonce: Number(tx.nonce),
    status: receipt.status === '0x1' ? 'success' : 'failed',
    gasUsed: BigInt(receipt.gasUsed as string),
    effectiveGasPrice: BigInt(receipt.effectiveGasPrice as string),
    logs: (receipt.logs as RpcLog[]).map((log) => ({
      address: toChecksumAddress(log.address),
      topics: log.topics,
      data: log.data,
      logIndex: Number(log.logIndex),
    })),
  };
}
