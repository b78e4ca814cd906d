import { concat, keccak256, TypedDataEncoder } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { TypedData } from './signer';

type Field = { name: string; type: string };
type Types = TypedData['types'];

/** EIP-712's domain fields in the order it lists them; used only when a request declares no EIP712Domain. */
const STANDARD_DOMAIN: readonly Field[] = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
  { name: 'salt', type: 'bytes32' },
];

export interface TypedDataHashes {
  /** hashStruct(EIP712Domain, domain), by the domain type the request declares. */
  domainSeparator: string;
  /** hashStruct(primaryType, message). */
  structHash: string;
  /** keccak256(0x1901 ‖ domainSeparator ‖ structHash): what the signature covers. */
  digest: string;
}

/**
 * The domain type exactly as the request declares it, field order included: EIP-712 hashes the domain by
 * that type, so a dapp that lists its fields in another order signs another separator than the canonical
 * one. A domain value the type does not declare is refused, because no signature would cover it (a chainId
 * outside the type would pass the chain check and bind nothing).
 */
export function domainFields(data: TypedData): Field[] {
  const declared = data.types.EIP712Domain;
  const fields = declared
    ? [...declared]
    : STANDARD_DOMAIN.filter((field) => Object.hasOwn(data.domain, field.name));
  const names = new Set(fields.map((field) => field.name));
  const undeclared = Object.keys(data.domain).filter((name) => !names.has(name));
  if (undeclared.length > 0) {
    throw invalid(`its domain has values its EIP712Domain type does not declare (${undeclared.join(', ')})`);
  }
  const missing = fields.filter((field) => data.domain[field.name] === undefined);
  if (missing.length > 0) {
    throw invalid(`its domain has no value for ${missing.map((field) => field.name).join(', ')}`);
  }
  const chainField = fields.find((field) => field.name === 'chainId');
  if (chainField && chainField.type !== 'uint256') {
    throw invalid(`its domain chainId is declared as ${chainField.type}, not uint256`);
  }
  return fields;
}

/** Every hash of an EIP-712 request, computed the one way the device, the checks and the recovery share. */
export function typedDataHashes(data: TypedData): TypedDataHashes {
  const EIP712Domain = domainFields(data);
  try {
    const domainSeparator = TypedDataEncoder.hashStruct('EIP712Domain', { EIP712Domain }, data.domain);
    const structHash = TypedDataEncoder.from(reachableTypes(data.types, data.primaryType)).hashStruct(
      data.primaryType,
      data.message,
    );
    return {
      domainSeparator,
      structHash,
      digest: keccak256(concat(['0x1901', domainSeparator, structHash])),
    };
  } catch (error) {
    throw invalid((error as Error).message);
  }
}

/**
 * The domain's chain id, written as a JSON number, a decimal string or a hex string ("0x1") as dapps do;
 * null when the domain names none.
 */
export function domainChainId(data: TypedData): bigint | null {
  const value = data.domain.chainId;
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]{1,64}|[0-9]{1,78})$/.test(value)) return BigInt(value);
  throw invalid(`its domain chainId ${JSON.stringify(value)} is not a chain id`);
}

/**
 * The types the primary type uses. ethers refuses a type set with more than one root, which dapps send
 * (EIP712Domain, leftovers) though EIP-712 ignores whatever the primary type does not reference.
 */
function reachableTypes(types: Types, primaryType: string): Record<string, Field[]> {
  const reached: Record<string, Field[]> = {};
  const visit = (name: string): void => {
    const fields = types[name];
    if (!fields || reached[name] || name === 'EIP712Domain') return;
    reached[name] = [...fields];
    for (const field of fields) visit(field.type.replace(/\[\d*\]/g, ''));
  };
  visit(primaryType);
  return reached;
}

function invalid(reason: string): ApiError {
  return new ApiError('invalid_request', `The typed data cannot be encoded: ${reason}.`);
}
