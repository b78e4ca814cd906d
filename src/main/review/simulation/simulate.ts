import { type CallFees, type CallParams, rpc, type SimulatedCall } from '../../rpc/jsonRpc';
import type { RpcClient } from '../../rpc/rpcClient';
import { RpcError } from '../../rpc/rpcError';
import type { ChecksumAddress } from '../../store/address';
import { type AssetTransfer, transfersFromLogs } from './assetTransfers';
import { revertReason } from './revertReason';

export interface SimulationCall {
  from: ChecksumAddress;
  to: ChecksumAddress | null;
  value: bigint;
  /** 0x hex. */
  data: string;
  /**
   * The gas limit to be signed, so the simulation runs out of gas where the transaction would. null: the
   * node's eth_estimateGas; where that is refused (a revert), the node's default, the block's gas limit,
   * against which it checks the balance at `fees`, so a tight balance may then read as one that cannot pay.
   */
  gasLimit: bigint | null;
  fees: CallFees;
}

export interface SimulationOutcome {
  status: 'simulated' | 'checked' | 'failed';
  transfers: AssetTransfer[];
  reverted: boolean;
  /** In words, when it reverted. */
  revertReason: string | null;
  gasUsed: bigint | null;
  /** A sentence for the user when the balance changes are missing or partial. */
  note: string | null;
  /** Raw node text, for the log and a Details disclosure, never the sentence. */
  detail: string | null;
}

export const NOTES = {
  checked:
    "Balance changes are not available from this network's RPC: it checked only whether the transaction reverts.",
  truncated:
    'The simulation reported more events than the wallet reads, so the balance changes may be incomplete.',
  insufficientFunds:
    'The network would not run this transaction: the account cannot pay the amount plus the most the fee can be.',
  refused: "The network's RPC refused to simulate this transaction, so its effects are unknown.",
  unreachable: "The network's RPC did not answer the simulation, so this transaction's effects are unknown.",
} as const;

/** JSON-RPC "method not found" (JSON-RPC 2.0) and "method not supported" (EIP-1474). */
const MISSING_METHOD_CODES = new Set([-32601, -32004]);
const MISSING_METHOD_TEXT =
  /method.*(not found|not supported|unsupported|does not exist|not available)|unsupported method/i;
/** Geth's eth_simulateV1 code for it; other nodes (anvil: -32003, "transaction rejected") say it in words. */
const INSUFFICIENT_FUNDS_CODE = -38014;
const INSUFFICIENT_FUNDS = /insufficient funds/i;

/**
 * Runs the transaction on the user's own RPC against the latest block: `eth_simulateV1` with transfer tracing
 * and the checks inclusion makes, so the review can show what it moves. A node without `eth_simulateV1` is
 * asked `eth_call` and `eth_estimateGas` instead, which catch a revert but see no transfers (`checked`). A
 * node that refuses or fails gives `failed`, with its words in `detail`. Only a cancellation is thrown.
 */
export async function simulateTransaction(
  client: RpcClient,
  call: SimulationCall,
  signal?: AbortSignal,
): Promise<SimulationOutcome> {
  const { from, to, value, data } = call;
  const gas = call.gasLimit ?? (await nodeEstimate(client, { from, to, value, data }, signal));
  const params: CallParams = { from, to, value, data, ...(gas === null ? {} : { gas }) };
  try {
    return simulated(await client.send(rpc.simulateV1(params, call.fees, 'latest'), signal));
  } catch (error) {
    if (!(error instanceof RpcError) || error.code === 'aborted') throw error;
    if (lacksMethod(error)) return checkOnly(client, params, signal);
    return failed(error);
  }
}

/**
 * Left to itself, a node simulates with the block's whole gas limit and checks the balance against it at the
 * given fees, which refuses an account that can pay for the gas the transaction needs.
 */
async function nodeEstimate(
  client: RpcClient,
  call: CallParams,
  signal?: AbortSignal,
): Promise<bigint | null> {
  try {
    return await client.send(rpc.estimateGas(call), signal);
  } catch (error) {
    if (!(error instanceof RpcError) || error.code === 'aborted') throw error;
    return null;
  }
}

function simulated(result: SimulatedCall): SimulationOutcome {
  const reverted = !result.success;
  return {
    status: 'simulated',
    // A reverted call moves nothing, whatever its logs say.
    transfers: reverted ? [] : transfersFromLogs(result.logs),
    reverted,
    revertReason: reverted ? revertReason(result.revertData) : null,
    gasUsed: result.gasUsed,
    note: !reverted && result.logsTruncated ? NOTES.truncated : null,
    detail: result.error ? `${result.error.message} (code ${result.error.code})` : null,
  };
}

/** Nodes say "no such method" by code or, some, only in words. */
function lacksMethod(error: RpcError): boolean {
  if (error.code !== 'rpc') return false;
  return (
    (error.rpcCode !== undefined && MISSING_METHOD_CODES.has(error.rpcCode)) ||
    MISSING_METHOD_TEXT.test(error.message)
  );
}

/**
 * eth_call says whether it reverts and why; eth_estimateGas what it uses. Both go in one POST, and a revert
 * fails that batch as a whole, which is all this needs to know.
 */
async function checkOnly(
  client: RpcClient,
  call: CallParams,
  signal?: AbortSignal,
): Promise<SimulationOutcome> {
  const outcome = { status: 'checked' as const, transfers: [], note: NOTES.checked };
  try {
    const [, gasUsed] = await client.sendBatch([rpc.callAs(call, 'latest'), rpc.estimateGas(call)], signal);
    return { ...outcome, reverted: false, revertReason: null, gasUsed, detail: null };
  } catch (error) {
    if (!(error instanceof RpcError) || error.code === 'aborted') throw error;
    if (!isRevert(error)) return failed(error);
    const reason = revertReason(error.rpcData);
    return { ...outcome, reverted: true, revertReason: reason, gasUsed: null, detail: error.message };
  }
}

/** Geth and anvil answer a revert with code 3 and the revert bytes; others say "revert" in the message. */
function isRevert(error: RpcError): boolean {
  return error.code === 'rpc' && (error.rpcCode === 3 || /revert/i.test(error.message));
}

function failed(error: RpcError): SimulationOutcome {
  const note =
    error.code !== 'rpc'
      ? NOTES.unreachable
      : error.rpcCode === INSUFFICIENT_FUNDS_CODE || INSUFFICIENT_FUNDS.test(error.message)
        ? NOTES.insufficientFunds
        : NOTES.refused;
  return {
    status: 'failed',
    transfers: [],
    reverted: false,
    revertReason: null,
    gasUsed: null,
    note,
    detail: error.message,
  };
}
