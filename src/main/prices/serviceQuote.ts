import type { FiatCurrency } from '../../shared/settings';
import type { ChecksumAddress } from '../store/address';

/** A price the optional price service gave for a token with no on-chain feed. */
export interface ServiceQuote {
  chainId: number;
  /** The token's contract, or `native` for the network's own coin (the chains' `TokenAddress`). */
  token: ChecksumAddress | 'native';
  currency: FiatCurrency;
  /** One whole token in `currency`, decimal text. */
  price: string;
  /** Unix seconds, when the service last updated this price. */
  updatedAt: number;
}

/** The price service's name, as Settings and each value's source show it. */
export const PRICE_SERVICE_NAME = 'CoinGecko';
