import { TypedDataEncoder } from 'ethers';

/**
 * The SafeTx struct that Safe contracts from 1.3.0 on hash with EIP-712 (docs/PROTOCOL.md section 13.2).
 * Desktop and phone both compute the hash from here, so neither has to trust the other's.
 */
export const SAFE_TX_TYPES = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const;

/** A SafeTx with amounts as decimal text, as both the API and the pairing messages carry it. */
export interface SafeTxInput {
  to: string;
  value: string;
  data: string;
  operation: 0 | 1;
  safeTxGas: string;
  baseGas: string;
  gasPrice: string;
  gasToken: string;
  refundReceiver: string;
  nonce: number | string;
}

/** From 1.3.0 the domain is the chain id and the Safe's address, with no name or version. */
export function safeTxDomain(chainId: number, safe: string) {
  return { chainId, verifyingContract: safe };
}

/** The SafeTx as EIP-712 message values: amounts as bigints. */
function safeTxMessage(fields: SafeTxInput) {
  return {
    to: fields.to,
    value: BigInt(fields.value),
    data: fields.data,
    operation: fields.operation,
    safeTxGas: BigInt(fields.safeTxGas),
    baseGas: BigInt(fields.baseGas),
    gasPrice: BigInt(fields.gasPrice),
    gasToken: fields.gasToken,
    refundReceiver: fields.refundReceiver,
    nonce: BigInt(fields.nonce),
  };
}

/** The hash every owner signs: keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(SafeTx)), lower-case hex. */
export function hashSafeTx(chainId: number, safe: string, fields: SafeTxInput): string {
  const types = { SafeTx: SAFE_TX_TYPES.SafeTx.map((field) => ({ ...field })) };
  return TypedDataEncoder.hash(safeTxDomain(chainId, safe), types, safeTxMessage(fields)).toLowerCase();
}
