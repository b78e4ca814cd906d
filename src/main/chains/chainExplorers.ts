import { type Chain, explorerAt } from '../../shared/chains/chain';

/** What decides a chain's explorer link, besides the chain itself. */
export interface ExplorerChoices {
  /** Chains the user reaches through an endpoint of their own rather than the built-in ones. */
  ownRpc: ReadonlySet<number>;
  /** The explorer the user set for a chain, by chain id. */
  ownExplorer: ReadonlyMap<number, string>;
}

/**
 * The explorer each chain links to. The rule: an explorer the user set wins; otherwise a chain keeps the
 * registry's explorer only while it is reached through the registry's own endpoints. A chain on the user's
 * endpoint may be a local fork or devnet that merely reuses a public chain id, and a public explorer link for
 * its transactions would show a stranger's transaction or nothing, so it gets none until the user sets one.
 */
export function withExplorers(chains: readonly Chain[], choices: ExplorerChoices): Chain[] {
  return chains.map((chain) => {
    const own = choices.ownExplorer.get(chain.id);
    if (own !== undefined) return { ...chain, explorer: explorerAt(own) };
    // A custom network lists no built-in endpoint, and its explorer is the one the user gave it.
    if (choices.ownRpc.has(chain.id) && chain.rpcUrls.length > 0) return { ...chain, explorer: null };
    return chain;
  });
}
