import type { Chain } from '../../shared/chains/chain';
import { CHAINS } from '../../shared/chains/registry';

const BUILT_IN = new Set(CHAINS.map((chain) => chain.id));

/** A network the user added, as opposed to one this build ships with. */
export function isCustomChain(chain: Pick<Chain, 'id'>): boolean {
  return !BUILT_IN.has(chain.id);
}
