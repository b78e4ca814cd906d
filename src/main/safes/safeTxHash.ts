import { calculateSafeTransactionHash, getEip712TxTypes } from '@safe-global/protocol-kit';
import { SAFE_VERSION, type SafeTxFields } from '../../shared/safes';
import type { TypedData } from '../signers/signer';

type Hex = `0x${string}`;

/**
 * The SafeTx as EIP-712 typed data, as a Ledger or Trezor signs it: the domain of a Safe ≥ 1.3 (chain id and
 * the Safe's address, no name or version), amounts as decimal text as JSON carries them.
 */
export function safeTxTypedData(chainId: number, safe: string, fields: SafeTxFields): TypedData {
  const { EIP712Domain, SafeTx } = getEip712TxTypes(SAFE_VERSION);
  return {
    domain: { chainId, verifyingContract: safe },
    types: { EIP712Domain, SafeTx },
    primaryType: 'SafeTx',
    message: {
      to: fields.to,
      value: fields.value,
      data: fields.data,
      operation: fields.operation,
      safeTxGas: fields.safeTxGas,
      baseGas: fields.baseGas,
      gasPrice: fields.gasPrice,
      gasToken: fields.gasToken,
      refundReceiver: fields.refundReceiver,
      nonce: String(fields.nonce),
    },
  };
}

/**
 * What every owner signs and the Safe's getTransactionHash returns, lower-case. Addresses are hashed as
 * numbers, so case cannot change the hash; they are lower-cased first because the SDK refuses a mixed case
 * that is not a valid checksum, and fields synced from elsewhere promise only 40 hex characters.
 */
export function safeTxHash(chainId: number, safe: string, fields: SafeTxFields): Hex {
  const lowered = {
    ...fields,
    to: fields.to.toLowerCase(),
    gasToken: fields.gasToken.toLowerCase(),
    refundReceiver: fields.refundReceiver.toLowerCase(),
  };
  return calculateSafeTransactionHash(
    safe.toLowerCase(),
    lowered,
    SAFE_VERSION,
    BigInt(chainId),
  ).toLowerCase() as Hex;
}
