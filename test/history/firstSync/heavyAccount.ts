import { createHash } from 'node:crypto';
import { id } from 'ethers/hash';
import { type ChecksumAddress, toChecksumAddress } from '../../../src/main/store/address';
import { ETHERSCAN_ACTIONS, explorerRows } from './explorerRows';
import {
  buildTransaction,
  type ChainContext,
  type DatasetToken,
  type HeavyKind,
  type HeavyAccountDataset,
  type HeavyChain,
  type HeavyTransaction,
  METHODS,
} from './heavyTransactions';

export type {
  DatasetToken,
  HeavyAccountDataset,
  HeavyChain,
  HeavyKind,
  HeavyTransaction,
  InternalTransfer,
} from './heavyTransactions';

export interface HeavyAccountOptions {
  /** Transactions per chain id; the split by default. */
  counts?: Readonly<Record<number, number>>;
  seed?: number;
  /** Blocks the transactions are spread over. */
  spanBlocks?: number;
}

export const HEAVY_ACCOUNT_COUNTS: Readonly<Record<number, number>> = { 1: 4_000, 10: 3_500, 8453: 2_500 };
export const HEAVY_ACCOUNT = toChecksumAddress('0x5a0b54d5dc17e0aadc383d2db43b0a0d3e029c4c');
const HEAD_GAP = 2_000;
const END_TIME = 1_764_000_000;

const WEIGHTS: readonly (readonly [HeavyKind, number])[] = [
  ['native-send', 230],
  ['native-receive', 130],
  ['erc20-send', 150],
  ['erc20-receive', 160],
  ['approval', 70],
  ['swap', 120],
  ['failed', 40],
  ['deployment', 5],
  ['internal-receive', 60],
  ['nft-receive', 20],
  ['nft-send', 15],
];

interface ChainProfile {
  name: string;
  firstBlock: number;
  blockSeconds: number;
  gwei: [number, number];
  erc20: [address: string, name: string, symbol: string, decimals: number][];
}

const PROFILES: Readonly<Record<number, ChainProfile>> = {
  1: {
    name: 'Ethereum',
    firstBlock: 18_000_000,
    blockSeconds: 12,
    gwei: [8, 60],
    erc20: [
      ['0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 'USD Coin', 'USDC', 6],
      ['0xdAC17F958D2ee523a2206206994597C13D831ec7', 'Tether USD', 'USDT', 6],
      ['0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', 'Wrapped Ether', 'WETH', 18],
      ['0x6B175474E89094C44Da98b954EedeAC495271d0F', 'Dai Stablecoin', 'DAI', 18],
    ],
  },
  10: {
    name: 'OP Mainnet',
    firstBlock: 110_000_000,
    blockSeconds: 2,
    gwei: [0.001, 0.05],
    erc20: [
      ['0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85', 'USD Coin', 'USDC', 6],
      ['0x4200000000000000000000000000000000000006', 'Wrapped Ether', 'WETH', 18],
      ['0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1', 'Dai Stablecoin', 'DAI', 18],
    ],
  },
  8453: {
    name: 'Base',
    firstBlock: 10_000_000,
    blockSeconds: 2,
    gwei: [0.001, 0.05],
    erc20: [
      ['0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', 'USD Coin', 'USDC', 6],
      ['0x4200000000000000000000000000000000000006', 'Wrapped Ether', 'WETH', 18],
    ],
  },
};

/** A deterministic pseudo-random source (mulberry32), so every run and every double sees the same account. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const derived = (label: string) => toChecksumAddress(`0x${id(label).slice(-40)}`);

/** A 32-byte hash of a label: SHA-256, as 20,000 keccaks in JavaScript take a second. */
const hash32 = (label: string) => `0x${createHash('sha256').update(label).digest('hex')}`;

/** The hash of block `number` on `chainId`, the same for the dataset and every double. */
export function blockHash(chainId: number, number: number): string {
  return hash32(`block:${chainId}:${number}`);
}

export function blockTimestamp(
  chain: Pick<HeavyChain, 'headBlock' | 'headTime' | 'blockSeconds'>,
  n: number,
) {
  return chain.headTime - (chain.headBlock - n) * chain.blockSeconds;
}

function pickKind(random: () => number): HeavyKind {
  let roll = random() * 1_000;
  for (const [kind, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'native-send';
}

function buildChain(chainId: number, count: number, seed: number, span: number, account: ChecksumAddress) {
  const profile = PROFILES[chainId];
  if (!profile) throw new Error(`the heavy account has no profile for chain ${chainId}`);
  const random = seeded(seed * 7_919 + chainId);
  const headBlock = profile.firstBlock + span + HEAD_GAP;
  const shape = { headBlock, headTime: END_TIME, blockSeconds: profile.blockSeconds };
  const tokens: DatasetToken[] = profile.erc20.map(([address, name, symbol, decimals]) => ({
    address: toChecksumAddress(address),
    name,
    symbol,
    decimals,
    standard: 'erc20',
  }));
  const nft: DatasetToken = {
    address: derived(`nft:${chainId}`),
    name: 'Ledgerline Lanterns',
    symbol: 'LANTERN',
    decimals: 0,
    standard: 'erc721',
  };
  let nonce = 0;
  const pairs = new Map<string, ChecksumAddress>();
  const [low, high] = profile.gwei;
  const context: ChainContext = {
    chainId,
    account,
    nextNonce: () => nonce++,
    random,
    erc20: tokens,
    nft,
    router: toChecksumAddress('0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D'),
    pair: (a, b) => {
      const key = `${a}:${b}`;
      let address = pairs.get(key);
      if (!address) pairs.set(key, (address = derived(`pair:${chainId}:${key}`)));
      return address;
    },
    disperse: toChecksumAddress('0xD152f549545093347A162Dce210e7293f1452150'),
    peers: Array.from({ length: 40 }, (_, i) => derived(`peer:${i}`)),
    gasPrice: () => BigInt(Math.round((low + random() * (high - low)) * 1e9)),
  };
  const slot = span / count;
  const transactions = Array.from({ length: count }, (_, i) => {
    const blockNumber = profile.firstBlock + Math.floor(i * slot + random() * (slot - 1));
    return buildTransaction(context, pickKind(random), {
      hash: hash32(`tx:${chainId}:${seed}:${i}`),
      blockNumber,
      blockHash: blockHash(chainId, blockNumber),
      timestamp: blockTimestamp(shape, blockNumber),
      transactionIndex: Math.floor(random() * 180),
      firstLogIndex: Math.floor(random() * 300),
    });
  });
  return {
    chainId,
    name: profile.name,
    firstBlock: profile.firstBlock,
    ...shape,
    transactions,
    tokens: [...tokens, nft],
  };
}

/**
 * The heavy account of issue #22's first-sync benchmark: one address with 10,000 transactions over Ethereum,
 * OP Mainnet and Base (4,000 / 3,500 / 2,500), deterministic for a seed. Each chain's transactions sit in
 * distinct blocks spread over 2,000,000 blocks, ascending, and end 2,000 blocks below the head, so none is
 * within a reorg's reach (nothing provisional) and a block-window scan visibly pays for the empty range.
 *
 * The mix per chain, by weight: native sends 23% and receives 13%; ERC-20 transfers sent by the account 15%
 * and received from others' transfer() calls 16%; approvals 7% (a fifth revokes, some unlimited); Uniswap v2
 * router swaps 12% (two Transfer logs, Sync and Swap); failed swaps 4% (status 0, no logs); contract
 * deployments 0.5%; native coin received internally from someone's Disperse call 6%; ERC-721 received 2% and
 * sent 1.5%. Every transaction is fully specified (hash, block, time, index, from, to, value, input, nonce,
 * gas, effective gas price, status, logs); block hashes and times come from `blockHash` and `blockTimestamp`,
 * for any block, so a double can answer headers of blocks without transactions too.
 */
export function heavyAccount(options: HeavyAccountOptions = {}): HeavyAccountDataset {
  const counts = options.counts ?? HEAVY_ACCOUNT_COUNTS;
  const seed = options.seed ?? 22;
  const span = options.spanBlocks ?? 2_000_000;
  const chains = Object.entries(counts).map(([chainId, count]) =>
    buildChain(Number(chainId), count, seed, span, HEAVY_ACCOUNT),
  );
  return { account: HEAVY_ACCOUNT, chains };
}

/** Symbol and decimals of the dataset's tokens, as the app's token catalog would give them. */
export function datasetTokens(dataset: HeavyAccountDataset) {
  const known = new Map(
    dataset.chains.flatMap((chain) =>
      chain.tokens.map((token) => [`${chain.chainId}:${token.address}`, token]),
    ),
  );
  return (chainId: number, address: ChecksumAddress) => {
    const token = known.get(`${chainId}:${address}`);
    return token ? { symbol: token.symbol, decimals: token.decimals } : undefined;
  };
}

/** Selectors whose whole effect on the account an explorer's token lists carry (the transfer itself). */
const TRANSFER_SELECTORS = new Set([METHODS.transfer.selector, METHODS.safeTransferFrom.selector]);

/**
 * The transactions whose receipt decoding cannot do without: the account's own successful calls with
 * calldata other than a plain token transfer. Their outcome lives in logs no Etherscan list carries (an
 * approval's Approval, a swap's Swap event; in general any event of a contract call). Every other transaction
 * decodes from the explorer's rows alone:
 * - a plain native send or receive (input 0x): txlist has value, status and fee;
 * - a failed transaction: it logged nothing, and txlist has its calldata and status;
 * - a deployment: txlist names the created contract;
 * - a token transfer the account sent: tokentx / tokennfttx / token1155tx carry each such Transfer (token,
 *   from, to, amount or id) and txlist the call itself.
 * Someone else's transaction that only a token or internal list names is counted apart, by
 * `othersTransactions`: its rows give the transfer but not the transaction.
 */
export function receiptsNeeded(chain: HeavyChain, account: ChecksumAddress): HeavyTransaction[] {
  return chain.transactions.filter(
    ({ raw }) =>
      raw.from === account &&
      raw.status === 'success' &&
      raw.to !== null &&
      raw.input !== '0x' &&
      !TRANSFER_SELECTORS.has(raw.input.slice(0, 10)),
  );
}

/**
 * Someone else's transactions that touched the account without the account being their sender or native
 * recipient, so txlist has no row for them: tokens or NFTs sent to it, native coin a contract sent it inside
 * the call. The token and internal lists give the transfer, but not who sent the transaction, to which
 * contract, with what calldata, nor its other logs (a bridge's arrival event, a permit): storing it without
 * inventing those takes the transaction and its receipt from the node.
 */
export function othersTransactions(chain: HeavyChain, account: ChecksumAddress): HeavyTransaction[] {
  return chain.transactions.filter(({ raw }) => raw.from !== account && raw.to !== account);
}

export interface ProviderLimits {
  /** The explorer's most rows per request (Etherscan: page × offset ≤ 10,000). */
  explorerPageRows: number;
  /** The most calls one JSON-RPC batch may carry. */
  rpcMaxBatch: number;
}

export const HEAVY_ACCOUNT_LIMITS: ProviderLimits = { explorerPageRows: 10_000, rpcMaxBatch: 50 };

export interface ChainFloor {
  chainId: number;
  explorer: number;
  rpc: number;
  receipts: number;
  /** Someone else's transactions: two calls each (the transaction and its receipt). */
  others: number;
  /** The RPC requests if others' transactions were stored from the explorer's rows alone. */
  rowsOnlyRpc: number;
}

export interface RequestFloor {
  explorer: number;
  rpc: number;
  total: number;
  /** The floor if others' transactions were stored from rows alone, inventing their sender and calldata. */
  rowsOnlyTotal: number;
  chains: ChainFloor[];
}

/**
 * The fewest HTTP requests a complete first sync can make within the limits, per chain:
 * - explorer: for each Etherscan account action (txlist, txlistinternal, tokentx, tokennfttx, token1155tx),
 *   max(1, ceil(rows / explorerPageRows)): every list must be asked at least once, even to learn it is empty,
 *   and one request returns at most a page;
 * - RPC: 1 for the head (eth_blockNumber, which the explorer lists do not give, and which is asked before
 *   anything else is known) plus ceil(calls / rpcMaxBatch), where the calls are one
 *   eth_getTransactionReceipt for each transaction `receiptsNeeded` names and an eth_getTransactionByHash
 *   and a receipt for each of `othersTransactions`. Block headers and timestamps are not counted: the explorer
 *   rows carry them. The endpoint's eth_chainId check can ride in the first batch, so it costs no request.
 * `rowsOnlyTotal` is the same floor without the calls for others' transactions: what an app that stored them
 * from the token and internal rows alone would need.
 */
export function floorRequests(
  dataset: HeavyAccountDataset,
  limits: ProviderLimits = HEAVY_ACCOUNT_LIMITS,
): RequestFloor {
  const chains = dataset.chains.map((chain): ChainFloor => {
    const explorer = ETHERSCAN_ACTIONS.reduce((sum, action) => {
      const rows = explorerRows(chain, dataset.account, action).length;
      return sum + Math.max(1, Math.ceil(rows / limits.explorerPageRows));
    }, 0);
    const receipts = receiptsNeeded(chain, dataset.account).length;
    const others = othersTransactions(chain, dataset.account).length;
    const batches = (calls: number) => 1 + Math.ceil(calls / limits.rpcMaxBatch);
    return {
      chainId: chain.chainId,
      explorer,
      rpc: batches(receipts + 2 * others),
      receipts,
      others,
      rowsOnlyRpc: batches(receipts),
    };
  });
  const sum = (count: (chain: ChainFloor) => number) =>
    chains.reduce((total, chain) => total + count(chain), 0);
  const explorer = sum((chain) => chain.explorer);
  const rpc = sum((chain) => chain.rpc);
  return {
    explorer,
    rpc,
    total: explorer + rpc,
    rowsOnlyTotal: explorer + sum((chain) => chain.rowsOnlyRpc),
    chains,
  };
}
