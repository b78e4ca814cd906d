import type { ChecksumAddress } from '../store/address';
import { rpc } from '../rpc/jsonRpc';
import {
  addressCall,
  type Call3,
  chunkCalls,
  decodeAggregate3,
  decodeWord,
  encodeAggregate3,
  SELECTOR,
} from '../rpc/multicall';
import type { RpcClient } from '../rpc/rpcClient';
import { RpcError } from '../rpc/rpcError';

/** A token's identity on its chain: its contract, or the chain's native coin. */
export type TokenAddress = ChecksumAddress | 'native';

export interface BalanceEntry {
  account: ChecksumAddress;
  token: TokenAddress;
  /** Base units; null when this one balance could not be read (a reverting or malformed token). */
  amount: bigint | null;
}

export interface ChainBalances {
  chainId: number;
  blockNumber: number;
  /** Seconds, from the block itself, so the UI can show how old the data is. */
  blockTimestamp: number;
  entries: BalanceEntry[];
}

export interface BalanceQuery {
  accounts: readonly ChecksumAddress[];
  tokens: readonly TokenAddress[];
}

export interface ReadOptions {
  /** Calldata per `aggregate3` before it is split; nodes cap request sizes and eth_call gas. */
  maxCalldataBytes: number;
  signal?: AbortSignal;
}

/**
 * Reads every account × token balance at one block with Multicall3's `aggregate3`: one `eth_call`, or a
 * few sent in one JSON-RPC batch when the calldata would pass `maxCalldataBytes`. Every chunk names the same
 * block, and the first also asks the contract for its block number and timestamp, which proves the node
 * answered for the block it was asked about.
 */
export async function readBalances(
  client: RpcClient,
  multicall: string,
  block: bigint,
  query: BalanceQuery,
  { maxCalldataBytes, signal }: ReadOptions,
): Promise<ChainBalances> {
  const keys = query.accounts.flatMap((account) => query.tokens.map((token) => ({ account, token })));
  const header: Call3[] = [
    { target: multicall, callData: SELECTOR.getBlockNumber },
    { target: multicall, callData: SELECTOR.getCurrentBlockTimestamp },
  ];
  const calls = header.concat(
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
    blockNumber: Number(block),
    blockTimestamp: Number(timestamp),
    entries: keys.map((key, index) => ({ ...key, amount: decodeWord(results[index + 2] ?? { ok: false }) })),
  };
}

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
