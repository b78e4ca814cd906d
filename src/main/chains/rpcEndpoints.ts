import type { Chain } from '../../shared/chains/chain';
import { ChainsError } from './chainsError';

/** The slice of the vault this needs: custom RPC URLs often embed an API key, so they are kept as secrets. */
export interface SecretStore {
  names(): string[];
  get(name: string): Promise<Uint8Array | null>;
  put(name: string, secret: Uint8Array): Promise<void>;
  delete(name: string): boolean;
}

const PREFIX = 'rpc-urls:';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The user's own RPC endpoints per chain. Only chains that have some touch the keychain, so a wallet on the
 * built-in endpoints never waits on (or prompts for) it at start-up.
 */
export class RpcEndpoints {
  constructor(
    private readonly secrets: SecretStore,
    /** Every network the wallet knows, built-in and custom, in display order. */
    private readonly chains: () => readonly Chain[],
  ) {}

  async set(chainId: number, urls: readonly string[]): Promise<void> {
    if (!this.chains().some((chain) => chain.id === chainId)) {
      throw new ChainsError('invalid_request', `Chain ${chainId} is not a network this wallet knows.`);
    }
    if (urls.length === 0) this.secrets.delete(PREFIX + chainId);
    else await this.secrets.put(PREFIX + chainId, encoder.encode(JSON.stringify(urls)));
  }

  /** The chains that have endpoints of the user's own: from the vault's names alone, so no keychain wait. */
  chainIdsWithOwn(): Set<number> {
    const names = this.secrets.names().filter((name) => name.startsWith(PREFIX));
    return new Set(names.map((name) => Number(name.slice(PREFIX.length))));
  }

  /** Every chain's own endpoints, read from the vault: what sync carries when the user chose to. */
  async all(): Promise<Map<number, string[]>> {
    const names = this.secrets.names().filter((name) => name.startsWith(PREFIX));
    const entries = await Promise.all(
      names.map(async (name) => {
        const stored = await this.secrets.get(name);
        return [
          Number(name.slice(PREFIX.length)),
          stored ? (JSON.parse(decoder.decode(stored)) as string[]) : [],
        ] as const;
      }),
    );
    return new Map(entries.filter(([, urls]) => urls.length > 0));
  }

  /**
   * The enabled chains, in display order, each with the user's endpoints in place of the built-in ones. A
   * chain left with no endpoint at all (a custom network whose secret is gone) is left out.
   */
  async enabledChains(enabledIds: readonly number[]): Promise<Chain[]> {
    const custom = new Set(this.secrets.names());
    const enabled = this.chains().filter((chain) => enabledIds.includes(chain.id));
    const resolved = await Promise.all(
      enabled.map(async (chain) => {
        if (!custom.has(PREFIX + chain.id)) return chain;
        const stored = await this.secrets.get(PREFIX + chain.id);
        return stored ? { ...chain, rpcUrls: JSON.parse(decoder.decode(stored)) as string[] } : chain;
      }),
    );
    return resolved.filter((chain) => chain.rpcUrls.length > 0);
  }
}
