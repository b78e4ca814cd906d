import { encodeFunctionData, type Hex } from 'viem';
import type { SafeTxFields } from '../../shared/safes';
import { SAFE_ABI } from './safeAbi';

/** The SafeTx fields execTransaction and getTransactionHash both take first, in the contract's order. */
function safeTxArgs(fields: SafeTxFields) {
  return [
    fields.to.toLowerCase() as Hex,
    BigInt(fields.value),
    fields.data as Hex,
    fields.operation,
    BigInt(fields.safeTxGas),
    BigInt(fields.baseGas),
    BigInt(fields.gasPrice),
    fields.gasToken.toLowerCase() as Hex,
    fields.refundReceiver.toLowerCase() as Hex,
  ] as const;
}

/** The call data of execTransaction for a SafeTx and its packed owner signatures. */
export function encodeExecTransaction(fields: SafeTxFields, signatures: Hex): Hex {
  return encodeFunctionData({
    abi: SAFE_ABI,
    functionName: 'execTransaction',
    args: [...safeTxArgs(fields), signatures],
  });
}

/** The call data that asks the Safe for its own hash of a SafeTx, to check ours against. */
export function encodeGetTransactionHash(fields: SafeTxFields): Hex {
  return encodeFunctionData({
    abi: SAFE_ABI,
    functionName: 'getTransactionHash',
    args: [...safeTxArgs(fields), BigInt(fields.nonce)],
  });
}
