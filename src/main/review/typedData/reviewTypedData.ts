import { shortAddress } from '../../../shared/format/shortAddress';
import type { Party, TypedDataReview } from '../../../shared/review';
import type { ChecksumAddress } from '../../store/address';
import { collectTypedDataFindings } from './collectTypedDataFindings';
import { decodeDaiPermit } from './daiPermit';
import type { DecodedTypedData, Decoder } from './decoded';
import { decodeEip2612Permit } from './eip2612Permit';
import { decodeEip7702Authorization } from './eip7702Authorization';
import { decodePermit2Allowance } from './permit2Allowance';
import { decodePermit2Transfer } from './permit2Transfer';
import { decodeSeaportOrder } from './seaportOrder';
import { nameGrant } from './typedDataGrants';
import { parseDomain, type TypedDataDomain } from './typedDataDomain';
import { typedDataSummary } from './typedDataSummary';
import { typedDataTree } from './typedDataTree';
import {
  checkTypes,
  invalidTypedData,
  parseStruct,
  type StructValue,
  type TypedDataInput,
} from './typedDataValue';

export type { TypedDataInput };

export interface TypedDataContext {
  from: { accountId: number; address: ChecksumAddress; label: string };
  /** Main's active network (never the page's): a domain chainId that differs is a finding. */
  activeChainId: number;
  /** A name for an address, with where it comes from (address book, label, account, token list, known contract). */
  party: (address: ChecksumAddress) => Party;
  /** Symbol and decimals of a token on a chain, when the wallet knows it. */
  token: (chainId: number, address: ChecksumAddress) => { symbol: string; decimals: number } | null;
  /** Which addresses have code (the lead reads eth_getCode for every address of `addressesToCheck` first). */
  hasCode: (address: ChecksumAddress) => boolean | null;
  /** Unix seconds. */
  now: number;
}

/** Tried in turn; each recognises its type by primaryType, field shapes and domain, never by a name alone. */
const DECODERS: readonly Decoder[] = [
  decodeEip2612Permit,
  decodeDaiPermit,
  decodePermit2Allowance,
  decodePermit2Transfer,
  decodeSeaportOrder,
  decodeEip7702Authorization,
];

/** TypedDataReview's bound on grants and on receives. */
const MAX_ITEMS = 100;

/**
 * The review of typed data: what the signature allows, decoded where the wallet knows the type, the message
 * as a tree always, and the findings. Everything but `device` and `blocked`, which the lead adds from the
 * signer. Throws ApiError('invalid_request') for malformed data.
 */
export function reviewTypedData(
  data: TypedDataInput,
  context: TypedDataContext,
): Omit<TypedDataReview, 'device' | 'blocked'> {
  const { domain, message, decoded } = readTypedData(data);
  const names = {
    chainId: domain.chainId ?? context.activeChainId,
    party: context.party,
    token: context.token,
  };
  const grants = (decoded?.grants ?? []).map((move) => nameGrant(move, names));
  const consideration = decoded?.consideration ?? [];
  const receives = consideration
    .filter((move) => move.recipient === context.from.address)
    .map((move) => nameGrant(move, names));
  const delegate = decoded?.delegation ? context.party(decoded.delegation.address) : null;
  const verifyingContract = domain.verifyingContract ? context.party(domain.verifyingContract) : null;

  return {
    kind: decoded?.kind ?? 'unknown',
    chainId: domain.chainId,
    from: context.from,
    summary: typedDataSummary({
      decoded,
      grants,
      receives,
      delegate,
      primaryType: data.primaryType,
      app: appName(domain.name, verifyingContract),
    }),
    verifyingContract,
    grants: grants.map((named) => named.grant),
    receives: receives.map((named) => named.grant),
    delegate,
    tree: typedDataTree(message),
    findings: collectTypedDataFindings({
      decoded,
      domainChainId: domain.chainId,
      activeChainId: context.activeChainId,
      grants,
      receives,
      paidToOthers: consideration.length - receives.length,
      delegate,
      hasCode: context.hasCode,
      now: context.now,
    }),
  };
}

/** Every address the review will ask `hasCode` about (each spender), so the lead can read them in one batch first. */
export function addressesToCheck(data: TypedDataInput): ChecksumAddress[] {
  const { decoded } = readTypedData(data);
  return [...new Set((decoded?.grants ?? []).map((move) => move.spender))];
}

function readTypedData(data: TypedDataInput): {
  domain: TypedDataDomain;
  message: StructValue;
  decoded: DecodedTypedData | null;
} {
  checkEnvelope(data);
  checkTypes(data.types);
  if (data.primaryType === 'EIP712Domain' || !Object.hasOwn(data.types, data.primaryType)) {
    throw invalidTypedData(`its primaryType ${data.primaryType.slice(0, 100)} is not one of its types`);
  }
  const domain = parseDomain(data);
  const message = parseStruct(data.primaryType, data.message, data.types, 'message');
  let decoded: DecodedTypedData | null = null;
  for (const decode of DECODERS) {
    decoded = decode({ primaryType: data.primaryType, message, domain });
    if (decoded) break;
  }
  const items = Math.max(decoded?.grants.length ?? 0, decoded?.consideration.length ?? 0);
  if (items > MAX_ITEMS)
    throw invalidTypedData(`it moves ${items} items, more than the ${MAX_ITEMS} a review shows`);
  return { domain, message, decoded };
}

/** Who the request says it is for: the domain's name, else its contract's name or address. */
function appName(name: string | null, verifyingContract: Party | null): string {
  if (name) return name;
  if (!verifyingContract) return 'an unnamed app';
  return verifyingContract.name ?? shortAddress(verifyingContract.address);
}

/**
 * The outer shape, for callers that did not pass the request through SignTypedData's schema: a page's
 * JSON reaches here as whatever it was.
 */
function checkEnvelope(data: TypedDataInput): void {
  const record = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!record(data) || !record(data.domain) || !record(data.message) || !record(data.types)) {
    throw invalidTypedData('it needs domain, types and message objects');
  }
  if (typeof data.primaryType !== 'string') throw invalidTypedData('its primaryType is not a type name');
  for (const fields of Object.values(data.types)) {
    const valid =
      Array.isArray(fields) &&
      fields.every(
        (field: unknown) =>
          record(field) &&
          typeof (field as { name: unknown }).name === 'string' &&
          typeof (field as { type: unknown }).type === 'string',
      );
    if (!valid) throw invalidTypedData('each of its types must be a list of { name, type } fields');
  }
}
