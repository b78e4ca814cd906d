import type { TokenAddress } from './balanceReader';

/**
 * Where a token comes from, in order of trust: the chain's own coin, the bundled list, the user's own
 * additions, and tokens that arrived unasked (an airdrop seen in history), which are likely spam.
 */
export type TokenSource = 'native' | 'list' | 'user' | 'discovered';

/** Identity is (chainId, address); the symbol and name are only what the token says about itself. */
export interface Token {
  chainId: number;
  address: TokenAddress;
  symbol: string;
  name: string;
  decimals: number;
  source: TokenSource;
  /** Discovered tokens start hidden until the user shows them; hidden tokens are not read. */
  hidden: boolean;
  /** Token Lists tag ids, e.g. `stablecoin`, `bridged`, `wnative` (the wrapped native coin). */
  tags: readonly string[];
  logoURI: string | null;
}
