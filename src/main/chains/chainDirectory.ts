import type { Database } from 'better-sqlite3';
import { type AddCustomChain, type Chain, explorerAt } from '../../shared/chains/chain';
import { CHAINS, MULTICALL3_ADDRESS } from '../../shared/chains/registry';
import { ChainsError } from './chainsError';
import { type CustomChainRow, CustomChainsRepository } from './customChainsRepository';

/**
 * Every network the wallet knows: the built-in registry, then the ones the user added. A custom network is
 * read through Multicall3 at its usual address, which `addCustom`'s caller checks before it is stored.
 */
export class ChainDirectory {
  private readonly custom: CustomChainsRepository;

  constructor(db: Database) {
    this.custom = new CustomChainsRepository(db);
  }

  all(): Chain[] {
    return [...CHAINS, ...this.custom.all().map(toChain)];
  }

  find(chainId: number): Chain | undefined {
    return this.all().find((chain) => chain.id === chainId);
  }

  isCustom(chainId: number): boolean {
    return !CHAINS.some((chain) => chain.id === chainId) && this.find(chainId) !== undefined;
  }

  addCustom(input: Omit<AddCustomChain, 'rpcUrl'>, now = Date.now()): Chain {
    const known = this.find(input.chainId);
    if (known) {
      throw new ChainsError(
        'conflict',
        `Chain ${input.chainId} is already in this wallet, as ${known.name}.`,
      );
    }
    this.custom.add(input, now);
    return this.find(input.chainId) as Chain;
  }

  setCustomExplorer(chainId: number, explorerUrl: string | null): void {
    this.custom.setExplorer(chainId, explorerUrl);
  }

  removeCustom(chainId: number): void {
    if (!this.isCustom(chainId)) {
      throw new ChainsError(
        'not_found',
        `Chain ${chainId} is not a network you added, so it cannot be removed.`,
      );
    }
    this.custom.delete(chainId);
  }
}

function toChain(row: CustomChainRow): Chain {
  return {
    id: row.chainId,
    name: row.name,
    shortName: `chain-${row.chainId}`,
    family: 'other',
    nativeCurrency: { name: row.symbol, symbol: row.symbol, decimals: row.decimals },
    explorer: row.explorerUrl ? explorerAt(row.explorerUrl) : null,
    // A custom network has no built-in endpoint: the user's own, from the vault, is the only one.
    rpcUrls: [],
    multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 0 },
  };
}
