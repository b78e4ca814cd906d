import type { BlockRange } from '../rpc/logScan';
import type { ChecksumAddress } from '../store/address';

export interface RawLog {
  address: ChecksumAddress;
  /** 0x-prefixed lowercase 32-byte words. */
  topics: string[];
  data: string;
  logIndex: number;
}

/** A mined transaction with its receipt and block facts: everything decoding needs, from any provider. */
export interface RawTransaction {
  chainId: number;
  /** Lowercase. */
  hash: string;
  blockNumber: number;
  blockHash: string;
  /** Unix seconds of the block. */
  timestamp: number;
  transactionIndex: number;
  from: ChecksumAddress;
  to: ChecksumAddress | null;
  /** Set when the transaction created a contract. */
  contractAddress: ChecksumAddress | null;
  value: bigint;
  input: string;
  nonce: number;
  status: 'success' | 'failed';
  gasUsed: bigint;
  effectiveGasPrice: bigint;
  logs: RawLog[];
}

/** A transaction a provider found, by hash; providers that return whole transactions (Otterscan) fill `full`. */
export interface TransactionRef {
  hash: string;
  blockNumber: number;
  full?: RawTransaction;
}

export type { BlockRange } from '../rpc/logScan';

/**
 * Where history comes from on one chain: a plain RPC cannot list an address's transactions, so each provider
 * answers "which transactions touch this address in these blocks" its own way.
 */
export interface HistoryProvider {
  readonly name: 'otterscan' | 'etherscan' | 'blockscout' | 'logs';
  /**
   * Every transaction in `range` (both ends included) that the address sent, received native coin in, or
   * that moved its tokens or approvals, in ascending block order, each once. Throws a ProviderError on a
   * failure it cannot get past, so the indexer keeps its cursor where it was.
   */
  transactions(address: ChecksumAddress, range: BlockRange, signal?: AbortSignal): Promise<TransactionRef[]>;
}
