import { encodeAbiParameters, encodeEventTopics, type Hex, parseAbi } from 'viem';
import type { ChainConnection } from '../../src/main/chains/chainsService';
import type { RpcReceipt, RpcRequest } from '../../src/main/rpc/jsonRpc';
import type { RpcClient } from '../../src/main/rpc/rpcClient';
import { RpcError } from '../../src/main/rpc/rpcError';
import { findChain } from '../../src/shared/chains/registry';

/**
 * A chain connection whose node answers each request with what `answer` returns (an Error is thrown), and
 * records what it was asked: for unit tests of what the Safes service reads, without a node.
 */
export function answeringNode(
  answer: (request: RpcRequest<unknown>) => unknown,
): ChainConnection & { asked: RpcRequest<unknown>[] } {
  const asked: RpcRequest<unknown>[] = [];
  const client = {
    send: async (request: RpcRequest<unknown>) => {
      asked.push(request);
      const value = answer(request);
      if (value instanceof Error) throw value;
      return value;
    },
  } as unknown as RpcClient;
  const chain = findChain(1);
  if (!chain) throw new Error('chain 1 is not in the registry');
  return { chain, client, signal: new AbortController().signal, asked };
}

/** A node's JSON-RPC error, e.g. a revert, as the RpcClient raises it. */
export function nodeRefusal(message: string): RpcError {
  return new RpcError('rpc', message, { chainId: 1, host: '127.0.0.1:8545' });
}

const EXECUTION_EVENTS = parseAbi([
  'event ExecutionSuccess(bytes32 indexed txHash, uint256 payment)',
  'event ExecutionFailure(bytes32 indexed txHash, uint256 payment)',
]);

/** A receipt carrying, for each entry, the event `address` logged for the Safe transaction `hash`. */
export function executionReceipt(
  events: readonly [event: 'ExecutionSuccess' | 'ExecutionFailure', address: string, hash: string][],
): RpcReceipt {
  const logs = events.map(([eventName, address, hash]) => ({
    address,
    topics: encodeEventTopics({ abi: EXECUTION_EVENTS, eventName, args: { txHash: hash as Hex } }),
    data: encodeAbiParameters([{ type: 'uint256' }], [0n]),
  }));
  return { status: 1n, logs } as unknown as RpcReceipt;
}
