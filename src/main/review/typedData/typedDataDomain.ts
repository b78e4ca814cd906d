import type { ChecksumAddress } from '../../store/address';
import { invalidTypedData, parseStruct, type TypedDataInput } from './typedDataValue';

/** EIP-712's domain fields in its order; used only when a request declares no EIP712Domain type. */
const STANDARD_DOMAIN = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
  { name: 'salt', type: 'bytes32' },
] as const;

export interface TypedDataDomain {
  /** The app's name as the domain gives it; null when it gives none. */
  name: string | null;
  /** null when the domain names no chain: the signature is then valid on every chain. */
  chainId: number | null;
  verifyingContract: ChecksumAddress | null;
}

/**
 * The domain as it is signed: by the EIP712Domain type the request declares (else the standard fields it
 * uses). A domain value the type does not declare is refused, because no signature covers it: a chainId
 * outside the type would look reassuring and bind nothing.
 */
export function parseDomain(data: TypedDataInput): TypedDataDomain {
  const declared = data.types.EIP712Domain;
  const fields = declared ?? STANDARD_DOMAIN.filter((field) => Object.hasOwn(data.domain, field.name));
  const names = new Set(fields.map((field) => field.name));
  const undeclared = Object.keys(data.domain).filter((name) => !names.has(name));
  if (undeclared.length > 0) {
    throw invalidTypedData(
      `its domain has values its EIP712Domain type does not declare (${undeclared.join(', ')})`,
    );
  }
  const domain = parseStruct('EIP712Domain', data.domain, { ...data.types, EIP712Domain: fields }, 'domain');
  const field = (name: string) => domain.fields.find((entry) => entry.name === name)?.value;

  const name = field('name');
  const chainId = field('chainId');
  const verifyingContract = field('verifyingContract');
  if (name && name.kind !== 'string') throw invalidTypedData('its domain name is not a string');
  if (verifyingContract && verifyingContract.kind !== 'address') {
    throw invalidTypedData('its domain verifyingContract is not an address');
  }
  if (chainId && (chainId.kind !== 'integer' || chainId.type !== 'uint256')) {
    throw invalidTypedData(`its domain chainId is declared as ${chainId.type}, not uint256`);
  }
  return {
    name: name?.value || null,
    chainId: chainId ? safeChainId(chainId.value) : null,
    verifyingContract: verifyingContract?.value ?? null,
  };
}

/** No network has chain id 0 or one past 2^53; such a domain can only be a mistake or a trick. */
function safeChainId(value: bigint): number {
  if (value < 1n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalidTypedData(`its domain chainId ${value} is not the id of any network`);
  }
  return Number(value);
}
