import { decodeFunctionResult, encodeEventTopics, type Hex, parseAbi } from 'viem';
import { ApiError } from '../../shared/api/envelope';
import type { SafeTxFields } from '../../shared/safes';
import type { ChainConnection } from '../chains/chainsService';
import { rpc, type RpcReceipt } from '../rpc/jsonRpc';
import { RpcError } from '../rpc/rpcError';
import type { ChecksumAddress } from '../store/address';
import { SAFE_ABI } from './safeAbi';
import { encodeGetTransactionHash } from './execTransaction';
import type { Simulation } from './safeViews';

/** The events execTransaction leaves, whose indexed `txHash` is the safeTxHash it executed. */
const EXECUTION_EVENTS = parseAbi([
  'event ExecutionSuccess(bytes32 indexed txHash, uint256 payment)',
  'event ExecutionFailure(bytes32 indexed txHash, uint256 payment)',
]);

const [SUCCESS_TOPIC] = encodeEventTopics({ abi: EXECUTION_EVENTS, eventName: 'ExecutionSuccess' });
const [FAILURE_TOPIC] = encodeEventTopics({ abi: EXECUTION_EVENTS, eventName: 'ExecutionFailure' });

/**
 * The hash computed here must be the one the Safe itself computes (getTransactionHash): a Safe whose code
 * hashes differently would take signatures for something else than what the owners were shown.
 */
export async function checkHashOnChain(
  { client, signal }: ChainConnection,
  safe: ChecksumAddress,
  fields: SafeTxFields,
  safeTxHash: string,
): Promise<void> {
  const data = encodeGetTransactionHash(fields);
  const answer = await client.send(rpc.call(safe, data, 'latest'), signal);
  const onChain = decodeWord(answer, 'getTransactionHash');
  if (onChain !== safeTxHash.toLowerCase()) {
    throw new ApiError(
      'invalid_state',
      `The Safe ${safe} computes another transaction hash (${onChain}) than this wallet (${safeTxHash}). ` +
        'Its contract is not one this wallet can sign for; nothing was kept.',
    );
  }
}

/** The inner call run from the Safe's own address on the user's node: would it go through, and why not. */
export async function simulateFromSafe(
  { client, signal }: ChainConnection,
  safe: ChecksumAddress,
  fields: SafeTxFields,
): Promise<Simulation> {
  if (fields.operation === 1) {
    return {
      ok: false,
      reason: 'A delegatecall runs the target’s code as the Safe; it cannot be simulated here.',
    };
  }
  try {
    const call = { from: safe, to: fields.to, value: BigInt(fields.value), data: fields.data };
    await client.send(rpc.callAs(call, 'latest'), signal);
    return { ok: true, reason: null };
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
    return { ok: false, reason: `It would fail: ${error.message}`.slice(0, 300) };
  }
}

/**
 * execTransaction run as the executor would send it: it must go through and return true, else nothing is sent.
 * The Safe's own revert reason (GS0xx) is kept in the words.
 */
export async function checkExecutionCall(
  { client, signal }: ChainConnection,
  executor: ChecksumAddress,
  safe: ChecksumAddress,
  data: string,
): Promise<void> {
  let answer: string;
  try {
    answer = await client.send(rpc.callAs({ from: executor, to: safe, value: 0n, data }, 'latest'), signal);
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
    throw new ApiError(
      'invalid_request',
      `The Safe would refuse this execution (${error.message.slice(0, 200)}). Nothing was sent.`,
      { cause: error, detail: error.message },
    );
  }
  const ok = decodeFunctionResult({ abi: SAFE_ABI, functionName: 'execTransaction', data: answer as Hex });
  if (!ok)
    throw new ApiError('invalid_request', 'The Safe would not execute this transaction. Nothing was sent.');
}

/** What an included execTransaction did to this Safe transaction: its event says, or null when it has none. */
export function executionOutcome(
  receipt: RpcReceipt,
  safe: ChecksumAddress,
  safeTxHash: string,
): 'executed' | 'failed' | null {
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== safe.toLowerCase()) continue;
    if (log.topics[1]?.toLowerCase() !== safeTxHash.toLowerCase()) continue;
    if (log.topics[0] === SUCCESS_TOPIC) return 'executed';
    if (log.topics[0] === FAILURE_TOPIC) return 'failed';
  }
  return null;
}

function decodeWord(answer: string, what: string): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(answer)) {
    throw new ApiError(
      'invalid_state',
      `The node answered ${what} with something that is not a 32-byte word.`,
    );
  }
  return answer.toLowerCase();
}

/** A node that cannot be reached, or refuses, is the user's to know in words; its own text stays the detail. */
export async function chainRead<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
    throw new ApiError(error.code === 'rpc' ? 'invalid_request' : 'chain_unavailable', error.message, {
      cause: error,
      detail: error.message,
    });
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
