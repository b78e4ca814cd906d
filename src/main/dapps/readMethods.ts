import { z } from 'zod';
import type { RpcClient } from '../rpc/rpcClient';
import { RpcError } from '../rpc/rpcError';
import type { DappSession, MethodCall, MethodTable } from './dappSession';
import {
  chainDisconnected,
  invalidParams,
  limitExceeded,
  ProviderError,
  unauthorized,
} from './providerError';
import { Hash, HexAddress, HexData, NoParams, parseParams, Quantity } from './providerParams';

/** The most blocks one eth_getLogs may span; wider scans are the node's to refuse, not a site's to ask. */
export const MAX_LOG_RANGE = 10_000;
/** An answer is passed to the site in one bridge message, which is at most 256 KiB. */
export const MAX_RESULT_CHARS = 200_000;

const BlockTag = z.union([z.enum(['latest', 'earliest', 'pending', 'safe', 'finalized']), Quantity]);
/** EIP-1898 lets a block be named by hash or number too. */
const BlockRef = z.union([
  BlockTag,
  z.strictObject({ blockHash: Hash, requireCanonical: z.boolean().optional() }),
  z.strictObject({ blockNumber: Quantity }),
]);
/** Unknown fields are dropped, so nothing the wallet did not read reaches the node. */
const CallObject = z.object({
  from: HexAddress.optional(),
  to: HexAddress.nullish(),
  gas: Quantity.optional(),
  gasPrice: Quantity.optional(),
  maxFeePerGas: Quantity.optional(),
  maxPriorityFeePerGas: Quantity.optional(),
  value: Quantity.optional(),
  data: HexData.optional(),
  input: HexData.optional(),
  nonce: Quantity.optional(),
  type: Quantity.optional(),
  accessList: z
    .array(z.strictObject({ address: HexAddress, storageKeys: z.array(Hash).max(1000) }))
    .max(1000)
    .optional(),
});
const Slot = z.string().regex(/^0x[0-9a-fA-F]{1,64}$/, 'expected a storage slot');
const Topic = z.union([Hash, z.null(), z.array(Hash).max(20)]);
const LogFilter = z.strictObject({
  address: z.union([HexAddress, z.array(HexAddress).max(100)]).optional(),
  topics: z.array(Topic).max(4).optional(),
  fromBlock: BlockTag.optional(),
  toBlock: BlockTag.optional(),
  blockHash: Hash.optional(),
});
const AtBlock = z.tuple([HexAddress, BlockRef]);

const READS = {
  eth_blockNumber: NoParams,
  eth_gasPrice: NoParams,
  eth_maxPriorityFeePerGas: NoParams,
  eth_call: z.union([z.tuple([CallObject]), z.tuple([CallObject, BlockRef])]),
  eth_estimateGas: z.union([z.tuple([CallObject]), z.tuple([CallObject, BlockRef])]),
  eth_getBalance: AtBlock,
  eth_getTransactionCount: AtBlock,
  eth_getCode: AtBlock,
  eth_getStorageAt: z.tuple([HexAddress, Slot, BlockRef]),
  eth_getTransactionReceipt: z.tuple([Hash]),
  eth_getTransactionByHash: z.tuple([Hash]),
  eth_getBlockByNumber: z.tuple([BlockTag, z.boolean()]),
  eth_getBlockByHash: z.tuple([Hash, z.boolean()]),
  eth_feeHistory: z.tuple([
    z.union([Quantity, z.number().int().min(1).max(1024)]),
    BlockTag,
    z.array(z.number().min(0).max(100)).max(100).optional(),
  ]),
  eth_getLogs: z.tuple([LogFilter]),
} satisfies Record<string, z.ZodType>;

const anyResult = { result: z.unknown() };

/** A node's block number for a tag, so a range can be measured before it is asked for. */
async function blockOf(tag: string, head: () => Promise<bigint>): Promise<bigint> {
  if (tag === 'earliest') return 0n;
  if (tag.startsWith('0x')) return BigInt(tag);
  return head();
}

async function checkLogRange(filter: z.infer<typeof LogFilter>, client: RpcClient): Promise<void> {
  if (filter.blockHash !== undefined) {
    if (filter.fromBlock !== undefined || filter.toBlock !== undefined)
      throw invalidParams('eth_getLogs takes either blockHash or a block range, not both.');
    return;
  }
  let latest: Promise<bigint> | undefined;
  const head = () =>
    (latest ??= client
      .send({ method: 'eth_blockNumber', params: [], result: Quantity })
      .then((hex) => BigInt(hex)));
  const from = await blockOf(filter.fromBlock ?? 'latest', head);
  const to = await blockOf(filter.toBlock ?? 'latest', head);
  if (to < from) throw invalidParams('eth_getLogs: toBlock is before fromBlock.');
  if (to - from >= BigInt(MAX_LOG_RANGE))
    throw invalidParams(`eth_getLogs spans at most ${MAX_LOG_RANGE} blocks; ask for a narrower range.`);
}

/**
 * A node's refusal as the site may see it: a revert keeps its code and data, which dApps decode; the node's
 * own text is not passed on, as it names the user's endpoint.
 */
function fromNode(error: unknown, chainName: string): unknown {
  if (!(error instanceof RpcError)) return error;
  if (error.code !== 'rpc')
    return chainDisconnected(`The wallet could not reach ${chainName} now; try again.`);
  const code = error.rpcCode;
  const data =
    typeof error.rpcData === 'string' && error.rpcData.length <= 20_000 ? error.rpcData : undefined;
  if (code === 3) return new ProviderError(3, 'execution reverted', data);
  // EIP-1474's server errors keep their meaning (e.g. -32005 limit exceeded); any other code is the node's own.
  if (code !== undefined && code <= -32000 && code >= -32006)
    return new ProviderError(code, 'The node refused the request.', data);
  return new ProviderError(-32603, 'The node refused the request.', data);
}

/** Reads forwarded to the user's own endpoint for the site's network, only while that network is enabled. */
export function readMethods(session: DappSession): MethodTable {
  const forward = async (call: MethodCall, method: keyof typeof READS) => {
    const params = parseParams(READS[method], call.params, method) ?? [];
    const site = call.site;
    if (!site) throw unauthorized();
    const client = session.wallet.client(site.chainId);
    if (!client) {
      throw chainDisconnected(`The site's network (chain ${site.chainId}) is not enabled in the wallet.`);
    }
    try {
      if (method === 'eth_getLogs') await checkLogRange(params[0] as z.infer<typeof LogFilter>, client);
      const result = await client.send({ method, params, ...anyResult });
      if ((JSON.stringify(result) ?? '').length > MAX_RESULT_CHARS) {
        throw limitExceeded('The answer is larger than the wallet passes to a site; ask for less.');
      }
      return result;
    } catch (error) {
      throw fromNode(error, client.chainName);
    }
  };
  return Object.fromEntries(
    Object.keys(READS).map((method) => [
      method,
      (call: MethodCall) => forward(call, method as keyof typeof READS),
    ]),
  );
}
