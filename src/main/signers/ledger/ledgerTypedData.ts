import type Eth from '@ledgerhq/hw-app-eth';
import { TypedDataEncoder } from 'ethers';
import type { TypedData } from '../signer';

type Types = TypedData['types'];
type LedgerTypedMessage = Parameters<Eth['signEIP712Message']>[1];

/**
 * The message as hw-app-eth's full mode takes it. Its declared domain type is narrower than what its encoders
 * accept (a chainId may arrive as a string or bigint), and the domain is sent field by field from the
 * EIP712Domain type, so passing the domain through as is matches what the device hashes.
 */
export function toLedgerTypedMessage(data: TypedData): LedgerTypedMessage {
  const types = Object.fromEntries(Object.entries(data.types).map(([name, fields]) => [name, [...fields]]));
  return {
    domain: data.domain as LedgerTypedMessage['domain'],
    types: { EIP712Domain: [], ...types },
    primaryType: data.primaryType,
    message: data.message,
  };
}

/** The two hashes the Ethereum app takes in hashed (blind) mode: domain separator and hashStruct(message). */
export function typedDataHashes(data: TypedData): { domainSeparator: string; structHash: string } {
  const structTypes = reachableTypes(data.types, data.primaryType);
  return {
    domainSeparator: TypedDataEncoder.hashDomain(data.domain),
    structHash: TypedDataEncoder.from(structTypes).hashStruct(data.primaryType, data.message),
  };
}

/**
 * The types the primary type uses. ethers refuses a type set with more than one root, which dApps send
 * (EIP712Domain, leftovers) though EIP-712 ignores whatever the primary type does not reference.
 */
function reachableTypes(types: Types, primaryType: string): Record<string, { name: string; type: string }[]> {
  const reached: Record<string, { name: string; type: string }[]> = {};
  const visit = (name: string): void => {
    const fields = types[name];
    if (!fields || reached[name] || name === 'EIP712Domain') return;
    reached[name] = [...fields];
    for (const field of fields) visit(field.type.replace(/\[\d*\]/g, ''));
  };
  visit(primaryType);
  return reached;
}
