import type { TypedDataKind } from '../../../shared/review';
import type { ChecksumAddress } from '../../store/address';
import type { TypedDataDomain } from './typedDataDomain';
import type { StructValue } from './typedDataValue';

/** ERC-20 approvals mean "no limit" from 2^255 (the all-ones uint256 included). */
export const ERC20_UNLIMITED = 2n ** 255n;
/** Permit2 amounts are uint160: its all-ones maximum is its "no limit". */
export const PERMIT2_UNLIMITED = 2n ** 160n - 1n;

/** An asset that moves or may be taken, before the wallet's names and token facts are added. */
export interface AssetMove {
  asset: 'native' | 'erc20' | 'erc721' | 'erc1155';
  /** The token contract; the zero address for the chain's coin. */
  token: ChecksumAddress;
  amount: bigint;
  /** From which amount on it means "no limit"; null where it cannot (NFTs, marketplace items). */
  unlimitedAt: bigint | null;
  /** The NFT's id; null for fungible tokens and for "any item the criteria allow". */
  tokenId: bigint | null;
  /** Who may take it (the spender, or the marketplace contract for an order). */
  spender: ChecksumAddress;
  /** Unix seconds; null when it never ends. */
  expires: number | null;
  /** For a marketplace's consideration items: who receives the item. */
  recipient: ChecksumAddress | null;
}

/** What one decoder read from the message, independent of the wallet's names and the chain's state. */
export interface DecodedTypedData {
  kind: Exclude<TypedDataKind, 'unknown'>;
  /** What the signer gives or lets be taken. */
  grants: AssetMove[];
  /** For orders: every consideration item, to the signer and to others. */
  consideration: AssetMove[];
  /** EIP-7702: the contract the account's code would delegate to, and the chain it binds (0: every chain). */
  delegation: { address: ChecksumAddress; chainId: bigint } | null;
  /**
   * `usableUntil`: after it no contract accepts the signature (null: never). `lastsUntil`: when what it
   * grants ends (null: never). Absent for an authorization, which has no deadline.
   */
  deadline: { usableUntil: number | null; lastsUntil: number | null } | null;
}

export interface DecoderInput {
  primaryType: string;
  message: StructValue;
  domain: TypedDataDomain;
}

/** Recognises its type by primaryType, field shapes and domain together; null when the request is not one. */
export type Decoder = (input: DecoderInput) => DecodedTypedData | null;

/** 31 Dec 9999: later deadlines (uint256 max, uint48 max) are how contracts write "never". */
const LAST_DATE = 253_402_300_799n;

/** A deadline in unix seconds, or null when it is so far away that it means "never". */
export function deadlineOf(value: bigint): number | null {
  return value > LAST_DATE ? null : Number(value);
}

/** The zero address, as Seaport's native items and a cleared EIP-7702 delegation use it. */
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000' as ChecksumAddress;

/** A decoding with nothing granted, received or delegated unless the decoder says so. */
export function decoded(
  kind: DecodedTypedData['kind'],
  fields: Partial<Omit<DecodedTypedData, 'kind'>>,
): DecodedTypedData {
  return { kind, grants: [], consideration: [], delegation: null, deadline: null, ...fields };
}

/** A permission to take up to `amount` of an ERC-20 token: what every permit grants. */
export function tokenAllowance(
  token: ChecksumAddress,
  amount: bigint,
  spender: ChecksumAddress,
  expires: number | null,
  unlimitedAt: bigint = ERC20_UNLIMITED,
): AssetMove {
  return { asset: 'erc20', token, amount, unlimitedAt, tokenId: null, spender, expires, recipient: null };
}
