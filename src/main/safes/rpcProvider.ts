import { z } from 'zod';
import type { ChainConnection } from '../chains/chainsService';
import { RpcError } from '../rpc/rpcError';

/** The shape protocol-kit (and viem's `custom` transport) takes: `request` only, no events. */
export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] | object }): Promise<unknown>;
}

const Quantity = z.string().regex(/^0x[0-9a-fA-F]{1,64}$/, 'expected a hex quantity');
const Data = z.string().regex(/^0x(?:[0-9a-fA-F]{2})*$/, 'expected hex data');
const Word = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte word');
const Block = z.record(z.string(), z.unknown()).nullable();

/** Reads the SDK may make, each with the only shape of answer it is handed. */
const READS: Readonly<Record<string, z.ZodType>> = {
  eth_blockNumber: Quantity,
  eth_call: Data,
  eth_getCode: Data,
  eth_getStorageAt: Word,
  eth_getBalance: Quantity,
  eth_getTransactionCount: Quantity,
  eth_estimateGas: Quantity,
  eth_gasPrice: Quantity,
  eth_getBlockByNumber: Block,
};

/** EIP-1193's codes: 4100 the method is not authorised, 4200 the provider does not support it. */
export class ProviderRefusal extends Error {
  constructor(
    readonly code: 4100 | 4200,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderRefusal';
  }
}

/** A node's JSON-RPC error, with the code and data viem reads to decode a revert; the RpcError is its cause. */
export class ProviderRpcFailure extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(cause: RpcError) {
    super(cause.message, { cause });
    this.name = 'ProviderRpcFailure';
    this.code = cause.rpcCode ?? -32603;
    this.data = cause.rpcData;
  }
}

const SIGNING =
  /^(eth_sign|eth_signTransaction|eth_signTypedData.*|personal_sign|eth_sendTransaction|eth_sendRawTransaction|wallet_.*)$/;

/**
 * A read-only EIP-1193 provider over the wallet's own RPC client, for protocol-kit. It has no accounts and
 * refuses every signing and sending method, so the SDK can never sign or send; and it goes only to the
 * user's endpoints, through the client that checks each one serves this chain.
 */
export function rpcProvider(connection: ChainConnection): Eip1193Provider {
  const { client, signal } = connection;
  const chainIdHex = `0x${connection.chain.id.toString(16)}`;
  return {
    async request({ method, params }) {
      if (method === 'eth_chainId') return chainIdHex;
      if (method === 'eth_accounts' || method === 'eth_requestAccounts') return [];
      if (SIGNING.test(method)) {
        throw new ProviderRefusal(4100, `This provider is read-only: it never signs or sends (${method}).`);
      }
      const result = READS[method];
      if (!result) throw new ProviderRefusal(4200, `This provider does not serve ${method}.`);
      if (params !== undefined && !Array.isArray(params)) {
        throw new ProviderRefusal(4200, `${method} takes its parameters as a list.`);
      }
      try {
        return await client.send({ method, params: params ?? [], result }, signal);
      } catch (error) {
        if (error instanceof RpcError && error.code === 'rpc') throw new ProviderRpcFailure(error);
        throw error;
      }
    },
  };
}
