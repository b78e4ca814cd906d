import { z } from 'zod';
import { wrappedBatchRefusal } from './batchRefusal';
import { RpcErrorObject, type JsonRpcErrorObject } from './rpcErrorObject';

/** One JSON-RPC call and how to check its result; the client rejects a result `result` does not accept. */
export interface RpcRequest<T> {
  method: string;
  params: readonly unknown[];
  result: z.ZodType<T>;
}

export type BlockTag = bigint | 'latest';

const Quantity = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,64}$/, 'expected a hex quantity')
  .transform((hex) => BigInt(hex));
const Data = z.string().regex(/^0x(?:[0-9a-fA-F]{2})*$/, 'expected hex data');
const Hash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte hash')
  .transform((hex) => hex.toLowerCase());
const HexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected an address');

const RpcLog = z.object({
  address: HexAddress,
  topics: z.array(Hash),
  data: Data,
  logIndex: Quantity,
  blockNumber: Quantity,
  blockHash: Hash,
  transactionHash: Hash,
  transactionIndex: Quantity,
  removed: z.boolean().optional(),
});
export type RpcLog = z.infer<typeof RpcLog>;

const RpcTransaction = z.object({
  hash: Hash,
  blockHash: Hash,
  blockNumber: Quantity,
  transactionIndex: Quantity,
  from: HexAddress,
  to: HexAddress.nullable(),
  value: Quantity,
  input: Data,
  nonce: Quantity,
  gasPrice: Quantity.optional(),
});
export type RpcTransaction = z.infer<typeof RpcTransaction>;

/** A transaction still in the node's pool: known, but in no block yet. */
const RpcPendingTransaction = RpcTransaction.extend({
  blockHash: z.null(),
  blockNumber: z.null(),
  transactionIndex: z.null(),
});
export type RpcPendingTransaction = z.infer<typeof RpcPendingTransaction>;

const RpcReceipt = z.object({
  transactionHash: Hash,
  blockHash: Hash,
  blockNumber: Quantity,
  // Pre-Byzantium receipts carry a state root instead of a status.
  status: Quantity.optional(),
  gasUsed: Quantity,
  effectiveGasPrice: Quantity.optional(),
  contractAddress: HexAddress.nullable(),
  logs: z.array(
    RpcLog.omit({ blockNumber: true, blockHash: true, transactionHash: true, transactionIndex: true }),
  ),
});
export type RpcReceipt = z.infer<typeof RpcReceipt>;

const RpcBlockHeader = z.object({ hash: Hash, number: Quantity, timestamp: Quantity });
export type RpcBlockHeader = z.infer<typeof RpcBlockHeader>;

/** Otterscan's page: newest first, and `firstPage` means nothing newer is left. */
const OtsSearchPage = z.object({
  txs: z.array(RpcTransaction),
  // Otterscan adds the block's timestamp to each receipt.
  receipts: z.array(RpcReceipt.extend({ timestamp: Quantity })),
  firstPage: z.boolean(),
  lastPage: z.boolean(),
});
export type OtsSearchPage = z.infer<typeof OtsSearchPage>;

/**
 * `baseFeePerGas` has one entry more than the blocks asked for: the last is the next block's base fee. A chain
 * without EIP-1559 leaves it out (or sends zeros), and `reward` is absent when no percentiles were asked for.
 */
const FeeHistory = z.object({
  oldestBlock: Quantity,
  baseFeePerGas: z.array(Quantity).optional(),
  gasUsedRatio: z.array(z.number().nonnegative()),
  reward: z.array(z.array(Quantity)).optional(),
});
export type FeeHistory = z.infer<typeof FeeHistory>;

/** What eth_estimateGas needs of a transaction to be sent. */
export interface CallRequest {
  from: string;
  /** null: a contract deployment. */
  to: string | null;
  value: bigint;
  data: string;
}

/** A call as eth_call and eth_simulateV1 run it: `to` null deploys; `gas` absent lets the node pick. */
export interface CallParams {
  from: string;
  to: string | null;
  value: bigint;
  data: string;
  gas?: bigint;
}

/** EIP-1559 caps or a legacy gas price, as the transaction to be signed carries them. */
export type CallFees = { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { gasPrice: bigint };

/** The most logs of one simulated call that are read; a call emitting more is marked `logsTruncated`. */
const MAX_SIMULATED_LOGS = 200;
/** Revert data longer than this (in bytes) is not kept: no reason worth showing is that long. */
const MAX_REVERT_BYTES = 4096;

const SimulatedLog = z.object({
  address: HexAddress,
  topics: z.array(z.string().regex(/^0x[0-9a-fA-F]{64}$/)).max(4),
  data: Data.max(2 + 2 * 32 * 1024),
});
export type SimulatedLog = z.infer<typeof SimulatedLog>;

/**
 * Only the first MAX_SIMULATED_LOGS items are looked at, and one that is not a log is dropped, never the call:
 * a node that floods or garbles logs costs the review its balance changes, not its revert check.
 */
const SimulatedLogs = z.array(z.unknown()).transform((items) => ({
  logs: items.slice(0, MAX_SIMULATED_LOGS).flatMap((item) => {
    const log = SimulatedLog.safeParse(item);
    return log.success ? [log.data] : [];
  }),
  truncated: items.length > MAX_SIMULATED_LOGS,
}));

const BoundedData = z
  .string()
  .transform((text) =>
    text.length <= 2 + 2 * MAX_REVERT_BYTES && Data.safeParse(text).success ? text : null,
  );

const SimulatedCallResult = z
  .object({
    status: z.enum(['0x0', '0x1']),
    returnData: BoundedData.optional(),
    gasUsed: Quantity,
    // Some nodes leave `logs` out of a failed call.
    logs: SimulatedLogs.optional(),
    error: z
      .object({
        code: z.number().int(),
        message: z.string().transform((text) => text.slice(0, 300)),
        data: BoundedData.optional(),
      })
      .nullish(),
  })
  .transform(({ status, returnData, gasUsed, logs, error }) => ({
    success: status === '0x1',
    // Geth puts a revert's bytes in `error.data`, anvil in `returnData`.
    revertData: status === '0x1' ? null : (error?.data ?? returnData ?? null),
    gasUsed,
    logs: logs?.logs ?? [],
    logsTruncated: logs?.truncated ?? false,
    error: error ? { code: error.code, message: error.message } : null,
  }));
export type SimulatedCall = z.infer<typeof SimulatedCallResult>;

/** One block of one call was asked for, so anything else is not an answer to this request. */
const SimulateV1Result = z
  .array(z.object({ calls: z.array(SimulatedCallResult).length(1) }))
  .length(1)
  .transform(([block]) => block?.calls[0] as SimulatedCall);

export interface LogFilter {
  fromBlock: bigint;
  toBlock: bigint;
  address?: string | readonly string[];
  /** Per position: null matches anything, an array matches any of its topics. */
  topics: readonly (string | readonly string[] | null)[];
}

const toQuantity = (value: bigint) => `0x${value.toString(16)}`;
const blockParam = (block: BlockTag) => (block === 'latest' ? block : toQuantity(block));

const callObject = ({ from, to, value, data, gas }: CallParams) => ({
  from,
  to,
  value: toQuantity(value),
  data,
  ...(gas === undefined ? {} : { gas: toQuantity(gas) }),
});

const feeFields = (fees: CallFees) =>
  'gasPrice' in fees
    ? { gasPrice: toQuantity(fees.gasPrice) }
    : {
        maxFeePerGas: toQuantity(fees.maxFeePerGas),
        maxPriorityFeePerGas: toQuantity(fees.maxPriorityFeePerGas),
      };

/** The read-only methods the chains service uses; anything they return is checked before use. */
export const rpc = {
  chainId: (): RpcRequest<bigint> => ({ method: 'eth_chainId', params: [], result: Quantity }),
  blockNumber: (): RpcRequest<bigint> => ({ method: 'eth_blockNumber', params: [], result: Quantity }),
  call: (to: string, data: string, block: BlockTag): RpcRequest<string> => ({
    method: 'eth_call',
    params: [{ to, data }, blockParam(block)],
    result: Data,
  }),
  /** eth_call as an account would send it: with a sender, the coin sent and, if given, a gas limit. */
  callAs: (call: CallParams, block: BlockTag): RpcRequest<string> => ({
    method: 'eth_call',
    params: [callObject(call), blockParam(block)],
    result: Data,
  }),
  /**
   * eth_simulateV1 of one call in one block on top of `block`, with ERC-7528 native transfer logs and the
   * checks a real inclusion makes (balance, fees). No nonce is passed: the node takes the account's current
   * one, as a transaction queued behind others would otherwise be refused as too far ahead.
   */
  simulateV1: (call: CallParams, fees: CallFees, block: BlockTag): RpcRequest<SimulatedCall> => ({
    method: 'eth_simulateV1',
    params: [
      {
        blockStateCalls: [{ calls: [{ ...callObject(call), ...feeFields(fees) }] }],
        traceTransfers: true,
        validation: true,
      },
      blockParam(block),
    ],
    result: SimulateV1Result,
  }),
  getBalance: (address: string, block: BlockTag): RpcRequest<bigint> => ({
    method: 'eth_getBalance',
    params: [address, blockParam(block)],
    result: Quantity,
  }),
  getTransactionCount: (address: string, block: BlockTag): RpcRequest<bigint> => ({
    method: 'eth_getTransactionCount',
    params: [address, blockParam(block)],
    result: Quantity,
  }),
  getCode: (address: string, block: BlockTag): RpcRequest<string> => ({
    method: 'eth_getCode',
    params: [address, blockParam(block)],
    result: Data,
  }),
  /** Null while the node does not know the transaction; with no block while it waits in the pool. */
  getTransactionByHash: (hash: string): RpcRequest<RpcTransaction | RpcPendingTransaction | null> => ({
    method: 'eth_getTransactionByHash',
    params: [hash],
    result: z.union([RpcTransaction, RpcPendingTransaction]).nullable(),
  }),
  getTransactionReceipt: (hash: string): RpcRequest<RpcReceipt | null> => ({
    method: 'eth_getTransactionReceipt',
    params: [hash],
    result: RpcReceipt.nullable(),
  }),
  /** The header only; a block the node does not have yet is a malformed answer, as the caller asked for it. */
  getBlockByNumber: (block: BlockTag): RpcRequest<RpcBlockHeader> => ({
    method: 'eth_getBlockByNumber',
    params: [blockParam(block), false],
    result: RpcBlockHeader,
  }),
  /** `percentiles` are of each block's priority fees, weighted by gas used, ascending from 0 to 100. */
  feeHistory: (
    blockCount: number,
    newest: BlockTag,
    percentiles: readonly number[],
  ): RpcRequest<FeeHistory> => ({
    method: 'eth_feeHistory',
    params: [toQuantity(BigInt(blockCount)), blockParam(newest), percentiles],
    result: FeeHistory,
  }),
  gasPrice: (): RpcRequest<bigint> => ({ method: 'eth_gasPrice', params: [], result: Quantity }),
  /** Without a block tag: some nodes refuse one here, and all default to the latest block. */
  estimateGas: ({ from, to, value, data }: CallRequest): RpcRequest<bigint> => ({
    method: 'eth_estimateGas',
    params: [{ from, to, value: toQuantity(value), data }],
    result: Quantity,
  }),
  getLogs: ({ fromBlock, toBlock, address, topics }: LogFilter): RpcRequest<RpcLog[]> => ({
    method: 'eth_getLogs',
    params: [
      {
        fromBlock: toQuantity(fromBlock),
        toBlock: toQuantity(toBlock),
        ...(address ? { address } : {}),
        topics,
      },
    ],
    result: z.array(RpcLog),
  }),
  otsGetApiLevel: (): RpcRequest<number> => ({
    method: 'ots_getApiLevel',
    params: [],
    result: z.number().int().nonnegative(),
  }),
  /** Transactions touching `address` in blocks after `block` (exclusive), at least `pageSize` unless at the head. */
  otsSearchTransactionsAfter: (
    address: string,
    block: number,
    pageSize: number,
  ): RpcRequest<OtsSearchPage> => ({
    method: 'ots_searchTransactionsAfter',
    params: [address, block, pageSize],
    result: OtsSearchPage,
  }),
};

/** Methods that change nothing on chain, so they may ride in the same POST as an endpoint's chain check. */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set([
  'eth_chainId',
  'eth_blockNumber',
  'eth_call',
  'eth_getCode',
  'eth_getBalance',
  'eth_getTransactionCount',
  'eth_getTransactionByHash',
  'eth_getTransactionReceipt',
  'eth_getBlockByNumber',
  'eth_getLogs',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_estimateGas',
  'eth_simulateV1',
  'ots_getApiLevel',
  'ots_searchTransactionsAfter',
]);

export type { JsonRpcErrorObject } from './rpcErrorObject';

const Envelope = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.number(), z.string(), z.null()]),
  // Some nodes send `"error": null` beside a result.
  error: RpcErrorObject.nullish(),
});

export type JsonRpcAnswer = { ok: true; result: unknown } | { ok: false; error: JsonRpcErrorObject };

/** The node's answer does not follow JSON-RPC 2.0; the message says how, for the RpcError built from it. */
export class MalformedResponse extends Error {}

/**
 * Pairs an answer with the ids that were sent. A node may answer a batch in any order, but must answer each
 * id exactly once. It may also answer anything with one error object (a parse error has a null id, and an
 * overloaded node refuses a whole batch that way), which then stands for every call.
 */
export function parseAnswers(body: unknown, ids: readonly number[], batched: boolean): JsonRpcAnswer[] {
  if (!Array.isArray(body)) {
    const answer = parseEnvelope(body);
    if (answer.ok && (batched || (body as { id: unknown }).id !== ids[0])) {
      throw new MalformedResponse(
        batched ? 'a batch was answered with a single result' : 'the answer has another id',
      );
    }
    return ids.map(() => answer);
  }
  if (!batched) throw new MalformedResponse('a single call was answered with a batch');
  // geth and Erigon refuse a batch too large with its error in an array of one: it stands for every call too.
  const refusal = wrappedBatchRefusal(body, ids);
  if (refusal) {
    const answer: JsonRpcAnswer = { ok: false, error: refusal };
    return ids.map(() => answer);
  }
  if (body.length !== ids.length) {
    throw new MalformedResponse(`${ids.length} calls were answered with ${body.length} responses`);
  }
  const byId = new Map<unknown, JsonRpcAnswer>();
  for (const item of body) {
    const id = (item as { id?: unknown } | null)?.id;
    if (byId.has(id)) throw new MalformedResponse(`id ${String(id)} was answered twice`);
    byId.set(id, parseEnvelope(item));
  }
  return ids.map((id) => {
    const answer = byId.get(id);
    if (!answer) throw new MalformedResponse(`call ${id} was not answered`);
    return answer;
  });
}

function parseEnvelope(item: unknown): JsonRpcAnswer {
  const parsed = Envelope.safeParse(item);
  if (!parsed.success) throw new MalformedResponse('a response is not a JSON-RPC 2.0 object');
  const hasResult = Object.hasOwn(item as object, 'result');
  if (parsed.data.error && !hasResult) return { ok: false, error: parsed.data.error };
  if (hasResult && !parsed.data.error) return { ok: true, result: (item as { result: unknown }).result };
  throw new MalformedResponse('a response must carry exactly one of result and error');
}
