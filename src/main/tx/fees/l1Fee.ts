import { AbiCoder } from 'ethers/abi';
import { Transaction } from 'ethers/transaction';
import type { Chain } from '../../../shared/chains/chain';
import { rpc, type RpcRequest } from '../../rpc/jsonRpc';
import type { UnsignedTransaction } from '../../signers/signer';

/** OP-stack predeploy that prices the L1 data a transaction adds to the batch posted to Ethereum. */
export const GAS_PRICE_ORACLE = '0x420000000000000000000000000000000000000F';
/** `getL1Fee(bytes)`: the selector of the oracle's function that takes an unsigned serialized transaction. */
const GET_L1_FEE = '0x49948e0e';

const abi = AbiCoder.defaultAbiCoder();

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

export function decodeL1Fee(result: string): bigint {
  const [fee] = abi.decode(['uint256'], result) as unknown as [bigint];
  return fee;
}
