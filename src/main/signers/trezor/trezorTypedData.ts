import type {
  EthereumSignTypedDataMessage,
  EthereumSignTypedDataTypes,
  EthereumSignTypedHash,
} from '@trezor/connect';
import { TypedDataEncoder } from 'ethers/hash';
import type { TypedData } from '../signer';

/**
 * The request for `ethereumSignTypedData`. The hashes are always included: a Model One signs only them, and
 * newer models ignore them and hash the structs themselves.
 */
export function toTrezorTypedData(
  path: string,
  data: TypedData,
): EthereumSignTypedHash<EthereumSignTypedDataTypes> {
  const domainFields = data.types.EIP712Domain;
  if (!domainFields) throw new Error('Typed data must declare EIP712Domain in its types.');
  const { EIP712Domain: _domain, ...structs } = data.types;
  const types: EthereumSignTypedDataTypes = { EIP712Domain: [...domainFields] };
  for (const [name, fields] of Object.entries(structs)) types[name] = [...fields];
  return {
    path,
    data: { types, primaryType: data.primaryType, domain: trezorDomain(data.domain), message: data.message },
    metamask_v4_compat: true,
    domain_separator_hash: TypedDataEncoder.hashStruct(
      'EIP712Domain',
      { EIP712Domain: types.EIP712Domain },
      data.domain,
    ),
    // Signing the domain itself (primaryType EIP712Domain) has no message.
    ...(data.primaryType === 'EIP712Domain'
      ? {}
      : { message_hash: TypedDataEncoder.hashStruct(data.primaryType, mutable(structs), data.message) }),
  };
}

type TrezorDomain = EthereumSignTypedDataMessage<EthereumSignTypedDataTypes>['domain'];

/** Keeps the domain fields EIP-712 defines, with the types TrezorConnect checks them against. */
function trezorDomain(domain: Record<string, unknown>): TrezorDomain {
  const result: TrezorDomain = {};
  const { name, version, chainId, verifyingContract, salt } = domain;
  if (typeof name === 'string') result.name = name;
  if (typeof version === 'string') result.version = version;
  if (typeof chainId === 'number' || typeof chainId === 'bigint' || typeof chainId === 'string')
    result.chainId = chainId;
  if (typeof verifyingContract === 'string') result.verifyingContract = verifyingContract;
  if (typeof salt === 'string') result.salt = salt;
  return result;
}

function mutable(types: TypedData['types']): Record<string, { name: string; type: string }[]> {
  return Object.fromEntries(Object.entries(types).map(([name, fields]) => [name, [...fields]]));
}
