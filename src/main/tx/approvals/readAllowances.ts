import type { Chain } from '../../../shared/chains/chain';
import { rpc } from '../../rpc/jsonRpc';
import {
  allowanceCall,
  type Call3,
  chunkCalls,
  decodeAggregate3,
  decodeWord,
  encodeAggregate3,
} from '../../rpc/multicall';
import type { RpcClient } from '../../rpc/rpcClient';
import { RpcError } from '../../rpc/rpcError';
import type { ChecksumAddress } from '../../store/address';

export interface AllowancePair {
  owner: ChecksumAddress;
  token: ChecksumAddress;
  spender: ChecksumAddress;
}

export interface Allowance extends AllowancePair {
  /** Base units; null when this token's `allowance` reverted or answered something that is not a uint256. */
  amount: bigint | null;
  /**
   * The maximum uint256, or anything from 2^255 up: tokens that spend an infinite approval down still leave
   * more than any supply could ever use, so the user should see it as unlimited.
   */
  unlimited: boolean;
}

/** Calldata per `aggregate3`, as for balances: well under what nodes accept for one eth_call. */
const MAX_CALLDATA_BYTES = 128 * 1024;
const UNLIMITED_FROM = 1n << 255n;

/**
 * The current `allowance(owner, spender)` of every pair, read at the latest block with Multicall3's
 * `aggregate3`: one eth_call, split into a few in one JSON-RPC batch only past MAX_CALLDATA_BYTES. Every
 * call may fail on its own, so a broken token yields null for its pairs and does not fail the others.
 */
export async function readAllowances(
  client: RpcClient,
  chain: Pick<Chain, 'name' | 'multicall3'>,
  pairs: readonly AllowancePair[],
  signal?: AbortSignal,
): Promise<Allowance[]> {
  if (pairs.length === 0) return [];
  const multicall = chain.multicall3.address;
  const calls: Call3[] = pairs.map(({ owner, token, spender }) => ({
    target: token,
    callData: allowanceCall(owner, spender),
  }));
  const chunks = chunkCalls(calls, MAX_CALLDATA_BYTES);
  const answers = await client.sendBatch(
    chunks.map((chunk) => rpc.call(multicall, encodeAggregate3(chunk), 'latest')),
    signal,
  );
  const results = answers.flatMap((data, index) => {
    try {
      return decodeAggregate3(data, (chunks[index] as Call3[]).length);
    } catch (error) {
      throw new RpcError(
        'bad_response',
        `The RPC of ${chain.name} sent allowances that cannot be used: its aggregate3 answer does not decode (${(error as Error).message}).`,
        { chainId: client.chainId, host: client.endpoint },
      );
    }
  });
  return pairs.map((pair, index) => {
    const amount = decodeWord(results[index] ?? { ok: false });
    return { ...pair, amount, unlimited: amount !== null && amount >= UNLIMITED_FROM };
  });
}
