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

/**
 * What an explorer's rows already said about a transaction whose logs decoding needs, so the node is asked
 * only for the rest: its receipt, and the transaction itself when no `txlist` row named it.
 */
export interface KnownTransaction {
  /** Unix seconds of the block: no block header is fetched for it. */
  timestamp: number;
  /** The block the explorer saw it in; the receipt must agree, or the chain reorganised meanwhile. */
  blockHash?: string;
  transaction?: Pick<
    RawTransaction,
    'chainId' | 'hash' | 'blockNumber' | 'transactionIndex' | 'from' | 'to' | 'value' | 'input' | 'nonce'
  > & { gasPrice: bigint };
}

/**
 * A transaction a provider found, by hash; providers that return whole transactions (Otterscan, an
 * explorer's row that is all decoding needs) fill `full`, explorers fill `known` with what else they saw.
 */
export interface TransactionRef {
  hash: string;
  blockNumber: number;
  full?: RawTransaction;
  known?: KnownTransaction;
}

export type { BlockRange } from '../rpc/logScan';

/**
 * Where history comes from on one chain: a plain RPC cannot list an address's transactions, so each provider
 * answers "which transactions touch this address in these blocks" its own way.
 */
export interface HistoryProvider {
  readonly name: 'otterscan' | 'etherscan' | 'blockscout' | 'logs';
  /**
   * Explorers page by rows, not blocks: such a provider is asked for the whole range at once rather than
   * window by window.
   */
  readonly windowless?: boolean;
  /**
   * Every transaction in `range` (both ends included) that the address sent, received native coin in, or
   * that moved its tokens or approvals, in ascending block order, each once. Throws a ProviderError on a
   * failure it cannot get past, so the indexer keeps its cursor where it was.
   */
  transactions(
    address: ChecksumAddress,
    range: BlockRange,
    signal?: AbortSignal,
    onPartial?: PartialRefs,
  ): Promise<TransactionRef[]>;
}

/**
 * Whole transactions a provider is already sure of while it reads on, so the first of them can be shown
 * early; they come again in the final answer.
 */
export type PartialRefs = (refs: TransactionRef[]) => void;
