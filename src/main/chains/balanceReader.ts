import type { ChecksumAddress } from '../store/address';
import { type BlockTag, rpc, type RpcRequest } from '../rpc/jsonRpc';
import {
  addressCall,
  type Call3,
  type CallResult,
  chunkCalls,
  decodeAggregate3,
  decodeWord,
  encodeAggregate3,
  SELECTOR,
} from '../rpc/multicall';
import type { RpcClient } from '../rpc/rpcClient';
import { RpcError } from '../rpc/rpcError';
import {
  answerBytes,
  BALANCE_PROGRAM,
  BALANCE_PROGRAM_ADDRESS,
  decodeBalanceAnswer,
  encodeBalanceQuery,
  OUT_OF_GAS,
} from './balanceProgram';
import { feedCalls, type FeedRound, roundFromResults } from './feedRound';

/** A token's identity on its chain: its contract, or the chain's native coin. */
export type TokenAddress = ChecksumAddress | 'native';

export interface BalanceEntry {
  account: ChecksumAddress;
  token: TokenAddress;
  /** Base units; null when this one balance could not be read (a reverting or malformed token). */
  amount: bigint | null;
}

/**
 * How a chain's balances were read: `override`, one `eth_call` per chunk running the balance program placed
 * by a state override (packed answer); `multicall3`, Multicall3's `aggregate3`, for nodes that refuse
 * overrides.
 */
export type ReadMode = 'override' | 'multicall3';

/** One feed's latest round as the read found it; `round` null when it could not be read. */
export interface FeedAnswer {
  feed: ChecksumAddress;
  round: FeedRound | null;
}

export interface ChainBalances {
  chainId: number;
  /** Set by `readBalances`: how this read was made, for the chain's status in Settings. */
  readMode?: ReadMode;
  blockNumber: number;
  /** Seconds, from the block itself, so the UI can show how old the data is. */
  blockTimestamp: number;
  entries: BalanceEntry[];
  /** Same order as the query's feeds, read at the same block as the balances. */
  feeds: FeedAnswer[];
}

export interface BalanceQuery {
  accounts: readonly ChecksumAddress[];
  tokens: readonly TokenAddress[];
  /** Price feeds (AggregatorV3) read in the same call as the balances. */
  feeds: readonly ChecksumAddress[];
}

export interface ReadOptions {
  /** Calldata per `aggregate3` before it is split; nodes cap request sizes and eth_call gas. */
  maxCalldataBytes: number;
  /**
   * Bytes of one override `eth_call`'s JSON-RPC answer as sent (64 hex characters a word, plus the
   * envelope) before the grid is split; nodes cap response sizes.
   */
  maxResponseBytes?: number;
  /** Gas given to each override `eth_call`, which also bounds how many balances one of them reads. */
  gasPerCall?: number;
  /** `multicall3` skips the override; by default it is tried until the node refuses it once. */
  mode?: ReadMode;
  signal?: AbortSignal;
}

/** 8 MB of JSON per eth_call answer: under the 10 MB response caps common among RPC providers. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** The JSON-RPC envelope around an answer's hex (`{"jsonrpc":"2.0","id":…,"result":"0x…"}`), generously. */
const RESPONSE_ENVELOPE = 128;

/** The size of an override answer on the wire, as `maxResponseBytes` counts it. */
export const answerWireBytes = (balances: number, feeds = 0): number =>
  2 * answerBytes(balances, feeds) + RESPONSE_ENVELOPE;
/** Within geth's default eth_call gas cap (50M); anvil and most providers allow as much. */
export const DEFAULT_GAS_PER_CALL = 50_000_000;
/**
 * Gas one balance is budgeted when the grid is split: first a cold account (2,600) and slot (2,100) access,
 * the call and the loop; when a piece runs short anyway (proxied or costly tokens), the program reverts with
 * `OUT_OF_GAS` and the read is asked again with the next, larger budget, in smaller pieces.
 */
const GAS_PER_BALANCE = [8_000, 32_000, 128_000] as const;
/**
 * A feed costs two calls, each through the feed's proxy to its aggregator (two cold accounts and a few slots
 * each): budgeted as this many balances.
 */
const BALANCES_PER_FEED = 4;

/** Clients whose node refused a state override: they read through Multicall3 from then on. */
const refusesOverrides = new WeakSet<RpcClient>();

/** How `client`'s chain is read now: `override` until its node has refused a state override once. */
export const readModeOf = (client: RpcClient): ReadMode =>
  refusesOverrides.has(client) ? 'multicall3' : 'override';

/**
 * Reads every account × token balance, and the latest round of each price feed asked for, at one block:
 * with the balance program (`balanceProgram.ts`) placed by a state override, in chunks of at most
 * `maxResponseBytes` of answer and `gasPerCall` gas, all in one JSON-RPC batch; or, once the node has refused
 * an override (an error, or an answer showing the program was not there), through Multicall3, remembered for
 * this client. A node that refuses an answer for its size
 * gets an error naming the chain, not a fallback that would answer more.
 *
 * `block` may be `latest`: the override's answers then name the block they were read at (the pieces of one
 * read are asked again at one block if a new block came between them), so a refresh needs no
 * `eth_blockNumber` first; in Multicall3 mode the block number is asked for first.
 */
export async function readBalances(
  client: RpcClient,
  multicall: string,
  block: BlockTag,
  query: BalanceQuery,
  options: ReadOptions,
): Promise<ChainBalances> {
  if (options.mode !== 'multicall3' && !refusesOverrides.has(client)) {
    const read = await readWithOverride(client, block, query, options);
    if (read) return read;
    // Remembered only once Multicall3 has read the chain: a node failing every call is not "no overrides".
    const fallback = await readWithMulticall(client, multicall, block, query, options);
    refusesOverrides.add(client);
    return fallback;
  }
  return readWithMulticall(client, multicall, block, query, options);
}

/**
 * The grid split so each piece stays under the answer and gas budgets: accounts × all tokens, or one account
 * × a token range. The feeds go with the first piece, so every piece leaves room for them.
 */
export function splitGrid(
  { accounts, tokens, feeds }: { accounts: number; tokens: number; feeds: number },
  { maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES, gasPerCall = DEFAULT_GAS_PER_CALL }: ReadOptions,
  gasPerBalance: number = GAS_PER_BALANCE[0],
): { accounts: [number, number]; tokens: [number, number] }[] {
  const byBytes = Math.floor((maxResponseBytes - RESPONSE_ENVELOPE) / 64) - 2 - 3 * feeds;
  const byGas = Math.floor(gasPerCall / gasPerBalance) - BALANCES_PER_FEED * feeds;
  const perCall = Math.max(1, Math.min(byBytes - Math.ceil(byBytes / 256), byGas));
  const pieces: { accounts: [number, number]; tokens: [number, number] }[] = [];
  if (tokens === 0 || accounts === 0) return pieces;
  if (tokens <= perCall) {
    const step = Math.floor(perCall / tokens);
    for (let a = 0; a < accounts; a += step)
      pieces.push({ accounts: [a, Math.min(accounts, a + step)], tokens: [0, tokens] });
  } else {
    for (let a = 0; a < accounts; a++)
      for (let t = 0; t < tokens; t += perCall)
        pieces.push({ accounts: [a, a + 1], tokens: [t, Math.min(tokens, t + perCall)] });
  }
  return pieces;
}

/** How nodes word a refusal to send a large answer ("response size exceeded", "response too large"). */
const RESPONSE_LIMIT = /response|too large|too big|payload/i;

/** The override read, with ever larger gas budgets per balance while the program runs short of gas. */
async function readWithOverride(
  client: RpcClient,
  block: BlockTag,
  query: BalanceQuery,
  options: ReadOptions,
): Promise<ChainBalances | null> {
  let at = block;
  for (const gasPerBalance of GAS_PER_BALANCE) {
    let read = await readOverridePieces(client, at, query, options, gasPerBalance);
    if (typeof read === 'bigint') {
      at = read;
      read = await readOverridePieces(client, at, query, options, gasPerBalance);
    }
    if (typeof read === 'bigint') throw malformed(client, `its answers for block ${at} name another block`);
    if (read !== 'out_of_gas') return read;
  }
  throw new RpcError(
    'rpc',
    `The RPC of ${client.chainName} could not read the balances: its tokens use more gas than one call may spend.`,
    { chainId: client.chainId, host: client.endpoint },
  );
}

/**
 * One override read in pieces: the balances; null if the node refused the override; `out_of_gas` if a piece
 * ran short; or, read at `latest`, the newest block its pieces named when they did not all name the same.
 */
async function readOverridePieces(
  client: RpcClient,
  block: BlockTag,
  query: BalanceQuery,
  options: ReadOptions,
  gasPerBalance: number,
): Promise<ChainBalances | null | 'out_of_gas' | bigint> {
  // An empty grid still asks once: the answer's header proves the block and gives its timestamp.
  const grid = { accounts: query.accounts.length, tokens: query.tokens.length, feeds: query.feeds.length };
  const split = splitGrid(grid, options, gasPerBalance);
  const pieces =
    split.length > 0 ? split : [{ accounts: [0, 0] as [number, number], tokens: [0, 0] as [number, number] }];
  const gas = `0x${(options.gasPerCall ?? DEFAULT_GAS_PER_CALL).toString(16)}`;
  const override = { [BALANCE_PROGRAM_ADDRESS]: { code: BALANCE_PROGRAM } };
  const feedsIn = (index: number) => (index === 0 ? query.feeds : []);
  const requests: RpcRequest<string>[] = pieces.map((piece, index) => {
    const base = rpc.call(
      BALANCE_PROGRAM_ADDRESS,
      encodeBalanceQuery({
        accounts: query.accounts.slice(...piece.accounts),
        feeds: feedsIn(index),
        tokens: query.tokens.slice(...piece.tokens).map((token) => (token === 'native' ? null : token)),
      }),
      block,
    );
    const [call, tag] = base.params as [object, unknown];
    return { ...base, params: [{ ...call, gas }, tag, override] };
  });
  let answers: string[];
  try {
    answers = requests.length > 0 ? await client.sendBatch(requests, options.signal) : [];
  } catch (error) {
    if (!(error instanceof RpcError) || error.code !== 'rpc') throw error;
    if (
      `${error.message}${JSON.stringify(error.rpcData ?? '')}`.toLowerCase().includes(OUT_OF_GAS.slice(2))
    ) {
      return 'out_of_gas';
    }
    if (RESPONSE_LIMIT.test(error.message)) {
      throw new RpcError(
        'rpc',
        `The RPC of ${client.chainName} refused to send the balances in answers of up to ${Math.max(
          ...pieces.map((piece, index) => answerWireBytes(size(piece), feedsIn(index).length)),
        )} bytes (a response size limit): lower the response budget for this network.`,
        { chainId: client.chainId, host: client.endpoint, rpcCode: error.rpcCode },
        { cause: error },
      );
    }
    return null;
  }
  const entries: BalanceEntry[] = [];
  let feeds: FeedAnswer[] = [];
  const read = { block: null as bigint | null, timestamp: 0n };
  for (const [index, piece] of pieces.entries()) {
    const accounts = query.accounts.slice(...piece.accounts);
    const tokens = query.tokens.slice(...piece.tokens);
    const answer = decodeBalanceAnswer(
      answers[index] as string,
      accounts.length * tokens.length,
      feedsIn(index).length,
    );
    if (!answer) return null;
    if (block !== 'latest' && answer.blockNumber !== block) {
      throw malformed(client, `it answered for block ${answer.blockNumber} when asked about ${block}`);
    }
    if (read.block !== null && answer.blockNumber !== read.block) {
      return answer.blockNumber > read.block ? answer.blockNumber : read.block;
    }
    read.block = answer.blockNumber;
    read.timestamp = answer.timestamp;
    let i = 0;
    for (const account of accounts)
      for (const token of tokens) entries.push({ account, token, amount: answer.amounts[i++] ?? null });
    if (index === 0) feeds = query.feeds.map((feed, f) => ({ feed, round: answer.rounds[f] ?? null }));
  }
  // Pieces run accounts outer, then token ranges in order, so the entries are already in query order.
  return {
    chainId: client.chainId,
    readMode: 'override',
    blockNumber: Number(read.block),
    blockTimestamp: Number(read.timestamp),
    entries,
    feeds,
  };
}

const size = (piece: { accounts: [number, number]; tokens: [number, number] }) =>
  (piece.accounts[1] - piece.accounts[0]) * (piece.tokens[1] - piece.tokens[0]);

/**
 * Reads every account × token balance at one block (`latest`: the head, asked for first) with Multicall3's
 * `aggregate3`: one `eth_call`, or a few sent in one JSON-RPC batch when the calldata would pass
 * `maxCalldataBytes`. Every chunk names the same block, and the first also asks the contract for its block
 * number and timestamp, which proves the node answered for the block it was asked about. Each feed is two
 * calls, `latestRoundData()` and `decimals()`, held to the sizes the balance program holds them to.
 */
async function readWithMulticall(
  client: RpcClient,
  multicall: string,
  tag: BlockTag,
  query: BalanceQuery,
  { maxCalldataBytes, signal }: ReadOptions,
): Promise<ChainBalances> {
  const block = tag === 'latest' ? await client.send(rpc.blockNumber(), signal) : tag;
  const keys = query.accounts.flatMap((account) => query.tokens.map((token) => ({ account, token })));
  const header: Call3[] = [
    { target: multicall, callData: SELECTOR.getBlockNumber },
    { target: multicall, callData: SELECTOR.getCurrentBlockTimestamp },
  ];
  // The feeds' calls come right after the header, two per feed, so the balances start at `first`.
  const first = header.length + 2 * query.feeds.length;
  const calls = header.concat(
    query.feeds.flatMap(feedCalls),
    keys.map(({ account, token }) =>
      token === 'native'
        ? { target: multicall, callData: addressCall(SELECTOR.getEthBalance, account) }
        : { target: token, callData: addressCall(SELECTOR.balanceOf, account) },
    ),
  );
  const chunks = chunkCalls(calls, maxCalldataBytes);
  const answers = await client.sendBatch(
    chunks.map((chunk) => rpc.call(multicall, encodeAggregate3(chunk), block)),
    signal,
  );
  const results = answers.flatMap((data, index) => {
    try {
      return decodeAggregate3(data, (chunks[index] as Call3[]).length);
    } catch (error) {
      throw malformed(client, `its aggregate3 answer does not decode (${(error as Error).message})`);
    }
  });
  const [answeredBlock, timestamp] = results.slice(0, 2).map(decodeWord);
  if (answeredBlock !== block || timestamp == null) {
    throw malformed(client, `it answered for block ${answeredBlock ?? 'unknown'} when asked about ${block}`);
  }
  return {
    chainId: client.chainId,
    readMode: 'multicall3',
    blockNumber: Number(block),
    blockTimestamp: Number(timestamp),
    entries: keys.map((key, index) => ({ ...key, amount: decodeWord(results[first + index] ?? failed) })),
    feeds: query.feeds.map((feed, f) => ({
      feed,
      round: roundFromResults(
        results[header.length + 2 * f] ?? failed,
        results[header.length + 2 * f + 1] ?? failed,
      ),
    })),
  };
}

const failed: CallResult = { ok: false };

function malformed(client: RpcClient, why: string): RpcError {
  return new RpcError(
    'bad_response',
    `The RPC of ${client.chainName} sent balances that cannot be used: ${why}.`,
    {
      chainId: client.chainId,
      host: client.endpoint,
    },
  );
}
