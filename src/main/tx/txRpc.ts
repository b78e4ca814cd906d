import { z } from 'zod';
import type { RpcRequest } from '../rpc/jsonRpc';

const Hash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((hash) => hash.toLowerCase());
const Quantity = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,64}$/)
  .transform((hex) => BigInt(hex));

/** The calls that send and follow a transaction; the read-only ones live in chains/jsonRpc.ts. */
export const txRpc = {
  sendRawTransaction: (raw: string): RpcRequest<string> => ({
    method: 'eth_sendRawTransaction',
    params: [raw],
    result: Hash,
  }),
  /** The next nonce counting the node's mempool, which is what a new transaction must use. */
  pendingNonce: (address: string): RpcRequest<bigint> => ({
    method: 'eth_getTransactionCount',
    params: [address, 'pending'],
    result: Quantity,
  }),
  /** Replays a mined transaction as a call at its block, to read why it reverted. */
  replay: (
    call: { from: string; to: string | null; data: string; value: bigint; gas: bigint },
    blockNumber: number,
  ): RpcRequest<string> => ({
    method: 'eth_call',
    params: [
      {
        from: call.from,
        to: call.to,
        data: call.data,
        value: `0x${call.value.toString(16)}`,
        gas: `0x${call.gas.toString(16)}`,
      },
      `0x${blockNumber.toString(16)}`,
    ],
    result: z.string(),
  }),
};
