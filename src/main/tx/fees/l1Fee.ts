import { AbiCoder } from 'ethers/abi';
import { Transaction } from 'ethers/transaction';
import type { Chain } from '../../../shared/chains/chain';
import { rpc, type RpcRequest } from '../../rpc/jsonRpc';
import type { RpcClient } from '../../rpc/rpcClient';
import { RpcError } from '../../rpc/rpcError';
import type { UnsignedTransaction } from '../../signers/signer';
import type { L1Fee } from './feeRules';

/** OP-stack predeploy that prices the L1 data a transaction adds to the batch posted to Ethereum. */
export const GAS_PRICE_ORACLE = '0x420000000000000000000000000000000000000F';
/** `getL1Fee(bytes)`: the selector of the oracle's function that takes an unsigned serialized transaction. */
const GET_L1_FEE = '0x49948e0e';

const abi = AbiCoder.defaultAbiCoder();

export const L1_NOT_CHARGED: L1Fee = { status: 'not-charged', amount: null, message: null, detail: null };
export const L1_UNAVAILABLE_MESSAGE =
  "The L1 data fee could not be read from this network's fee oracle, so it is not in the total; the send " +
  'can still go through.';

/** The registry marks OP-stack chains (OP Mainnet, Base) by family; only they charge this fee. */
export function chargesL1Fee(chain: Chain): boolean {
  return chain.family === 'op-stack';
}

/**
 * The oracle prices the transaction's bytes as they will be posted to L1, so it is given the unsigned
 * serialization of what the user will sign; it adds the signature's size itself.
 */
export function l1FeeRequest(transaction: UnsignedTransaction): RpcRequest<string> {
  const serialized = Transaction.from(transaction).unsignedSerialized;
  return rpc.call(GAS_PRICE_ORACLE, GET_L1_FEE + abi.encode(['bytes'], [serialized]).slice(2), 'latest');
}

/** The uint256 the oracle answers: exactly one word, or null for anything else (`0x` where it is missing). */
export function decodeL1Fee(result: string): bigint | null {
  return /^0x[0-9a-fA-F]{64}$/.test(result) ? BigInt(result) : null;
}

/**
 * The L1 fee, or why it is unknown. The fee is a part of the total, not a condition of the send: a chain whose
 * oracle is missing (a local OP-stack chain answers `0x`) or whose node fails the call still gets its estimate,
 * with the fee left out and the user told. Only a cancellation is thrown.
 */
export async function readL1Fee(
  client: RpcClient,
  transaction: UnsignedTransaction,
  signal?: AbortSignal,
): Promise<L1Fee> {
  let answer: string;
  try {
    answer = await client.send(l1FeeRequest(transaction), signal);
  } catch (error) {
    if (!(error instanceof RpcError) || error.code === 'aborted') throw error;
    return unavailable(error.message);
  }
  const amount = decodeL1Fee(answer);
  if (amount === null) {
    return unavailable(`The oracle at ${GAS_PRICE_ORACLE} answered getL1Fee with ${answer.slice(0, 80)}.`);
  }
  return { status: 'included', amount, message: null, detail: null };
}

function unavailable(detail: string): L1Fee {
  return { status: 'unavailable', amount: null, message: L1_UNAVAILABLE_MESSAGE, detail };
}
