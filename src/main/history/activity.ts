import type { ActivityKind, AssetMovement, BridgeProtocol } from '../../shared/history';
import type { ChecksumAddress } from '../store/address';

/**
 * One leg of a bridge transfer. `key` is the same on both legs of one transfer (e.g. Across's origin chain
 * and deposit id), so the indexer can pair a source leg with its destination leg on the other chain.
 */
export interface BridgeLeg {
  protocol: BridgeProtocol;
  role: 'source' | 'destination' | 'refund';
  key: string;
  fromChainId: number;
  toChainId: number;
  /** The token on this leg's chain; null for the native coin. */
  token: ChecksumAddress | null;
  amount: bigint | null;
}

export interface DecodedApproval {
  token: ChecksumAddress;
  spender: ChecksumAddress;
  amount: bigint;
  /** The maximum uint256, or an amount no supply could reach (above 2^255). */
  unlimited: boolean;
}

/** What a transaction did, from one account's point of view. */
export interface DecodedActivity {
  kind: ActivityKind;
  /** The method name when its selector is in the bundled table, else the 0x selector; null for a plain send. */
  method: string | null;
  /** Token symbol and decimals are filled from the token catalogue where known. */
  assets: AssetMovement[];
  approval: DecodedApproval | null;
  bridgeLegs: BridgeLeg[];
}

export interface TokenInfo {
  symbol: string;
  decimals: number;
}

/** The wallet's token catalogue, for symbols and decimals; undefined for a token it has never seen. */
export type TokenLookup = (chainId: number, token: ChecksumAddress) => TokenInfo | undefined;
