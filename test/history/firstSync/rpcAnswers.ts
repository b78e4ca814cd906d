import type { RawLog } from '../../../src/main/history/rawTransaction';
import { type HeavyChain, blockHash, blockTimestamp } from './heavyAccount';
import type { HeavyTransaction } from './heavyTransactions';

/** A JSON-RPC error as geth words it; `RpcMethodError` carries one out of a method. */
export class RpcMethodError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** What one chain's double knows: the dataset's chain, indexed, and where its head is now. */
export interface ChainState {
  chain: HeavyChain;
  head: number;
  byHash: Map<string, HeavyTransaction>;
  byBlock: Map<number, HeavyTransaction>;
}

/** Alchemy's cap on eth_getLogs: a response of more than 10,000 logs is refused with this message. */
export const MAX_LOGS = 10_000;
const LOGS_TOO_MANY =
  'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.';

const hex = (value: bigint | number) => `0x${value.toString(16)}`;
const ZERO_HASH = `0x${'0'.repeat(64)}`;
const EMPTY_BLOOM = `0x${'0'.repeat(512)}`;
const invalid = (what: string) => new RpcMethodError(-32602, `invalid argument 0: ${what}`);

export function chainState(chain: HeavyChain): ChainState {
  return {
    chain,
    head: chain.headBlock,
    byHash: new Map(chain.transactions.map((tx) => [tx.raw.hash, tx])),
    byBlock: new Map(chain.transactions.map((tx) => [tx.raw.blockNumber, tx])),
  };
}

/** A block tag or hex number; blocks past the head do not exist yet. */
function blockNumber(state: ChainState, tag: unknown): number {
  if (tag === 'latest' || tag === 'safe' || tag === 'finalized' || tag === 'pending' || tag === undefined)
    return state.head;
  if (tag === 'earliest') return 0;
  if (typeof tag !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(tag))
    throw invalid('hex string without 0x prefix');
  return Number(BigInt(tag));
}

function transactionObject(tx: HeavyTransaction, chainId: number) {
  const { raw } = tx;
  return {
    type: '0x2',
    chainId: hex(chainId),
    hash: raw.hash,
    nonce: hex(raw.nonce),
    blockHash: raw.blockHash,
    blockNumber: hex(raw.blockNumber),
    transactionIndex: hex(raw.transactionIndex),
    from: raw.from.toLowerCase(),
    to: raw.to?.toLowerCase() ?? null,
    value: hex(raw.value),
    gas: hex(tx.gasLimit),
    gasPrice: hex(raw.effectiveGasPrice),
    maxFeePerGas: hex(raw.effectiveGasPrice * 2n),
    maxPriorityFeePerGas: hex(raw.effectiveGasPrice / 10n),
    input: raw.input,
    accessList: [],
    v: '0x1',
    r: `0x${raw.hash.slice(2, 66)}`,
    s: `0x${raw.hash.slice(4, 66)}01`,
    yParity: '0x1',
  };
}

function logObject(tx: HeavyTransaction, log: RawLog) {
  return {
    address: log.address.toLowerCase(),
    topics: log.topics,
    data: log.data,
    blockNumber: hex(tx.raw.blockNumber),
    blockHash: tx.raw.blockHash,
    transactionHash: tx.raw.hash,
    transactionIndex: hex(tx.raw.transactionIndex),
    logIndex: hex(log.logIndex),
    removed: false,
  };
}

function receiptObject(tx: HeavyTransaction) {
  const { raw } = tx;
  return {
    type: '0x2',
    transactionHash: raw.hash,
    transactionIndex: hex(raw.transactionIndex),
    blockHash: raw.blockHash,
    blockNumber: hex(raw.blockNumber),
    from: raw.from.toLowerCase(),
    to: raw.to?.toLowerCase() ?? null,
    cumulativeGasUsed: hex(tx.cumulativeGasUsed),
    gasUsed: hex(raw.gasUsed),
    effectiveGasPrice: hex(raw.effectiveGasPrice),
    contractAddress: raw.contractAddress?.toLowerCase() ?? null,
    logs: raw.logs.map((log) => logObject(tx, log)),
    logsBloom: EMPTY_BLOOM,
    status: raw.status === 'success' ? '0x1' : '0x0',
  };
}

function blockObject(state: ChainState, number: number, full: boolean) {
  if (number > state.head) return null;
  const { chainId } = state.chain;
  const tx = state.byBlock.get(number);
  return {
    number: hex(number),
    hash: blockHash(chainId, number),
    parentHash: number > 0 ? blockHash(chainId, number - 1) : ZERO_HASH,
    timestamp: hex(blockTimestamp(state.chain, number)),
    nonce: '0x0000000000000000',
    sha3Uncles: '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347',
    logsBloom: EMPTY_BLOOM,
    transactionsRoot: ZERO_HASH,
    stateRoot: ZERO_HASH,
    receiptsRoot: ZERO_HASH,
    miner: '0x4200000000000000000000000000000000000011',
    difficulty: '0x0',
    extraData: '0x',
    size: '0x220',
    gasLimit: hex(30_000_000),
    gasUsed: hex(tx?.cumulativeGasUsed ?? 0n),
    baseFeePerGas: hex(tx ? tx.raw.effectiveGasPrice / 2n : 1_000_000n),
    transactions: tx ? [full ? transactionObject(tx, chainId) : tx.raw.hash] : [],
    uncles: [],
  };
}

interface LogFilter {
  fromBlock?: unknown;
  toBlock?: unknown;
  address?: unknown;
  topics?: unknown;
}

function matchesTopics(log: RawLog, topics: unknown[]): boolean {
  return topics.every((wanted, i) => {
    if (wanted === null) return true;
    const actual = log.topics[i];
    if (actual === undefined) return false;
    const options = Array.isArray(wanted) ? wanted : [wanted];
    return options.length === 0 || options.some((option) => String(option).toLowerCase() === actual);
  });
}

function getLogs(state: ChainState, filter: LogFilter) {
  if (typeof filter !== 'object' || filter === null) throw invalid('filter object expected');
  const from = blockNumber(state, filter.fromBlock);
  const to = Math.min(blockNumber(state, filter.toBlock), state.head);
  if (from > to) throw new RpcMethodError(-32000, 'invalid block range params');
  const addresses = (
    Array.isArray(filter.address) ? filter.address : filter.address ? [filter.address] : []
  ).map((address) => String(address).toLowerCase());
  const topics = Array.isArray(filter.topics) ? filter.topics : [];
  if (topics.length > 4) throw invalid('too many topics');
  const logs = [];
  for (const tx of state.chain.transactions) {
    if (tx.raw.blockNumber < from || tx.raw.blockNumber > to) continue;
    for (const log of tx.raw.logs) {
      if (addresses.length > 0 && !addresses.includes(log.address.toLowerCase())) continue;
      if (!matchesTopics(log, topics)) continue;
      logs.push(logObject(tx, log));
      if (logs.length > MAX_LOGS) throw new RpcMethodError(-32602, LOGS_TOO_MANY);
    }
  }
  return logs;
}

function transactionCount(state: ChainState, address: unknown, tag: unknown): string {
  const upTo = blockNumber(state, tag);
  const who = String(address).toLowerCase();
  const count = state.chain.transactions.filter(
    ({ raw }) => raw.blockNumber <= upTo && raw.from.toLowerCase() === who,
  ).length;
  return hex(count);
}

const hashParam = (value: unknown) => {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(value)) throw invalid('hash expected');
  return value.toLowerCase();
};

/** One call's result, or an RpcMethodError with geth's code and wording. */
export function answer(state: ChainState, method: string, params: unknown[]): unknown {
  const { chainId } = state.chain;
  switch (method) {
    case 'eth_chainId':
      return hex(chainId);
    case 'net_version':
      return String(chainId);
    case 'eth_blockNumber':
      return hex(state.head);
    case 'eth_getBlockByNumber':
      return blockObject(state, blockNumber(state, params[0]), params[1] === true);
    case 'eth_getTransactionByHash': {
      const tx = state.byHash.get(hashParam(params[0]));
      return tx && tx.raw.blockNumber <= state.head ? transactionObject(tx, chainId) : null;
    }
    case 'eth_getTransactionReceipt': {
      const tx = state.byHash.get(hashParam(params[0]));
      return tx && tx.raw.blockNumber <= state.head ? receiptObject(tx) : null;
    }
    case 'eth_getTransactionCount':
      return transactionCount(state, params[0], params[1]);
    case 'eth_getBalance':
      // Balances are not history: every address holds 1 ETH here.
      return hex(10n ** 18n);
    case 'eth_getLogs':
      return getLogs(state, (params[0] ?? {}) as LogFilter);
    case 'eth_call':
      throw new RpcMethodError(-32000, 'execution reverted');
    default:
      throw new RpcMethodError(-32601, `the method ${method} does not exist/is not available`);
  }
}
