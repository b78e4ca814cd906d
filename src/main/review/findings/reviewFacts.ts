import type { Party, ReviewAction, ReviewPurpose } from '../../../shared/review';
import type { ChecksumAddress } from '../../store/address';
import type { PartyNames } from '../parties';

/** Everything the transaction findings are computed from; the lead's review reads it from the node first. */
export interface ReviewFacts {
  action: ReviewAction;
  purpose: ReviewPurpose;
  chainId: number;
  /** The sending account, and the transaction's `to` (whose code is `toCode`). */
  from: ChecksumAddress;
  to: ChecksumAddress | null;
  /** The chain the signer is on (phone's network / the wallet's active network for devices); null if unknown. */
  signerChainId: number | null;
  chainName: (chainId: number) => string;
  native: { symbol: string; decimals: number };
  /** Native balance of `from` (latest). */
  balance: bigint;
  /** For token-transfer: the token balance of `from`. */
  tokenBalance: bigint | null;
  value: bigint;
  /** gasLimit × maxFeePerGas (+ L1 fee when included). */
  maxFee: bigint;
  /** The nonce to sign, and the node's pending count: a gap when nonce > pending, except over `ownOpenNonces`. */
  nonce: number;
  pendingNonce: number;
  /** Nonces of the wallet's own transactions still open, which fill the space between pending and nonce. */
  ownOpenNonces: readonly number[];
  /** eth_getCode(from): '0xef0100' + 20 bytes is an EIP-7702 delegation. */
  fromCode: string;
  /** eth_getCode(to). */
  toCode: string | null;
  /** For approvals: eth_getCode(spender). */
  spenderCode: string | null;
  simulation: {
    reverted: boolean;
    revertReason: string | null;
    status: 'simulated' | 'checked' | 'failed';
    note: string | null;
  };
  /** Addresses sent to before. */
  previousRecipients: readonly ChecksumAddress[];
  /** Counterparties in the history, senders included (a poisoner's dust transfer puts its lookalike there). */
  knownAddresses: readonly ChecksumAddress[];
  /** Listed tokens on this chain (recipient-is-token). */
  tokenAddresses: ReadonlySet<ChecksumAddress>;
  allowRevert: boolean;
  /** What the simulation says the sending account gains (positive) or loses (negative), per asset. */
  senderChanges: readonly {
    kind: 'native' | 'erc20' | 'erc721' | 'erc1155';
    symbol: string;
    decimals: number;
    delta: bigint;
  }[];
  /** Names the delegate of an EIP-7702 account; without it the delegate is named by its address. */
  parties?: PartyNames;
}

/**
 * The recipient of a transfer, the one party the recipient findings are about; null for any other action.
 * Its address is checksummed: decodeAction names every party by a ChecksumAddress.
 */
export function transferRecipient(action: ReviewAction): (Party & { address: ChecksumAddress }) | null {
  if (action.type !== 'native-transfer' && action.type !== 'token-transfer') return null;
  return { ...action.to, address: action.to.address as ChecksumAddress };
}
