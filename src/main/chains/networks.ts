import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope';
import type { AddCustomChain, Chain, SetChainExplorer } from '../../shared/chains/chain';
import { MULTICALL3_ADDRESS } from '../../shared/chains/registry';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import type { SettingsService } from '../settings/settingsService';
import type { ChecksumAddress } from '../store/address';
import type { ChainDirectory } from './chainDirectory';
import { withExplorers } from './chainExplorers';
import { ChainExplorersRepository } from './chainExplorersRepository';
import { ChainsError } from './chainsError';
import { ChainsService, type ChainsRpcOptions, type PortfolioPricing } from './chainsService';
import { rpc } from '../rpc/jsonRpc';
import { RpcClient } from '../rpc/rpcClient';
import { RpcEndpoints, type SecretStore } from './rpcEndpoints';
import { RpcError } from '../rpc/rpcError';

export interface NetworksOptions {
  db: Database;
  directory: ChainDirectory;
  secrets: SecretStore;
  settings: SettingsService;
  events: EventHub;
  /** The addresses whose balances are read: every account in the store. */
  accounts: () => readonly ChecksumAddress[];
  log: Logger;
  rpc?: ChainsRpcOptions;
  /** How often chain heads are polled while there are accounts; 0 turns polling off. */
  pollMs: number;
  /** The feeds read with the balances and what is told of refreshes; without it, balances alone. */
  pricing?: PortfolioPricing;
}

/** A failure of the chain itself (down, or another chain) reaches the user as `chain_unavailable`. */
async function reachingChain<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RpcError) throw new ApiError('chain_unavailable', error.message, { cause: error });
    throw error;
  }
}

/**
 * The networks the user has: which are enabled, the endpoints they are reached through (built-in, or the
 * user's own from the vault) and the networks the user added. It keeps the chains service configured to match,
 * so nothing is ever sent to a network that is not enabled.
 */
export class Networks {
  readonly chains: ChainsService;
  private readonly endpoints: RpcEndpoints;
  private readonly explorers: ChainExplorersRepository;
  private configured = Promise.resolve();
  private enabledKey = '';
  private readonly unsubscribe: () => void;
  private readonly poll: NodeJS.Timeout | null;

  constructor(private readonly options: NetworksOptions) {
    const { directory, events } = options;
    this.endpoints = new RpcEndpoints(options.secrets, () => directory.all());
    this.explorers = new ChainExplorersRepository(options.db);
    this.chains = new ChainsService({
      db: options.db,
      chains: [],
      accounts: options.accounts,
      log: options.log,
      rpc: options.rpc,
      chainName: (chainId) => directory.find(chainId)?.name,
      pricing: options.pricing,
      events: {
        status: (status) => events.emit('chains.status', status),
        progress: (progress) => events.emit('portfolio.progress', progress),
      },
    });
    void this.reconfigure();
    this.unsubscribe = events.subscribe((name) => {
      if (name === 'settings.changed') void this.reconfigureIfEnabledChanged();
    });
    // With no accounts there is nothing to read, so an idle wallet sends no request at all.
    this.poll =
      options.pollMs > 0
        ? setInterval(() => {
            if (options.accounts().length > 0)
              void this.ready().then(() => this.chains.refresh({ onlyIfMoved: true }));
          }, options.pollMs).unref()
        : null;
  }

  /** Resolves once the chains service matches the latest settings and endpoints. */
  ready(): Promise<void> {
    return this.configured;
  }

  /** Re-reads the enabled networks and their endpoints (from the vault only for those that have custom ones). */
  reconfigure(): Promise<void> {
    const enabled = this.options.settings.get().enabledChainIds;
    this.enabledKey = JSON.stringify(enabled);
    this.configured = this.endpoints.enabledChains(enabled).then(
      (list) => this.chains.setChains(list),
      (error: unknown) => {
        this.options.log.warn('custom RPC endpoints could not be read; those networks stay off', {
          error: String(error),
        });
        this.chains.setChains([]);
      },
    );
    return this.configured;
  }

  /** Every network, each with the explorer it links to (see withExplorers for the rule). */
  list(): Chain[] {
    return withExplorers(this.options.directory.all(), {
      ownRpc: this.endpoints.chainIdsWithOwn(),
      ownExplorer: this.explorers.all(),
    });
  }

  async setRpc(chainId: number, urls: readonly string[]): Promise<null> {
    await this.endpoints.set(chainId, urls);
    // Whether a chain is on the user's endpoint decides its explorer link, so every screen hears of it.
    this.options.events.emit('chains.changed', this.list());
    await this.reconfigure();
    return null;
  }

  /** A custom network keeps its explorer with it; a built-in chain's is kept apart, for its own endpoint. */
  setExplorer({ chainId, explorerUrl }: SetChainExplorer): Chain {
    const { directory, events } = this.options;
    if (!directory.find(chainId)) {
      throw new ChainsError('invalid_request', `Chain ${chainId} is not a network this wallet knows.`);
    }
    if (directory.isCustom(chainId)) directory.setCustomExplorer(chainId, explorerUrl);
    else this.explorers.set(chainId, explorerUrl);
    const chains = this.list();
    events.emit('chains.changed', chains);
    return chains.find((chain) => chain.id === chainId) as Chain;
  }

  /**
   * A network is added only once its endpoint has proved it serves that chain id (the client refuses any
   * other) and has Multicall3, which balances are read through. Its endpoint goes to the vault, and it is
   * enabled.
   */
  async addCustom(input: AddCustomChain): Promise<Chain> {
    const { directory, settings, events } = this.options;
    const known = directory.find(input.chainId);
    if (known) {
      throw new ChainsError(
        'conflict',
        `Chain ${input.chainId} is already in this wallet, as ${known.name}.`,
      );
    }
    const client = new RpcClient({
      ...this.options.rpc,
      chainId: input.chainId,
      chainName: input.name,
      urls: [input.rpcUrl],
      log: this.options.log,
    });
    const code = await reachingChain(() => client.send(rpc.getCode(MULTICALL3_ADDRESS, 'latest')));
    if (code === '0x') {
      throw new ChainsError(
        'invalid_request',
        `${input.name} has no Multicall3 contract at ${MULTICALL3_ADDRESS}, which the wallet reads balances through.`,
      );
    }
    const chain = directory.addCustom(input);
    try {
      await this.endpoints.set(input.chainId, [input.rpcUrl]);
    } catch (error) {
      // Without its endpoint the network is unusable; the keychain's error says what to fix.
      directory.removeCustom(input.chainId);
      throw error;
    }
    events.emit('chains.changed', this.list());
    settings.set({ enabledChainIds: [...settings.get().enabledChainIds, input.chainId] });
    return chain;
  }

  async removeCustom(chainId: number): Promise<null> {
    const { directory, settings, events } = this.options;
    if (!directory.isCustom(chainId)) {
      const builtIn = directory.find(chainId);
      throw new ChainsError(
        'not_found',
        builtIn
          ? `${builtIn.name} is built in, not a network you added, so it cannot be removed.`
          : `Chain ${chainId} is not a network this wallet knows.`,
      );
    }
    const enabled = settings.get().enabledChainIds;
    if (enabled.includes(chainId)) settings.set({ enabledChainIds: enabled.filter((id) => id !== chainId) });
    // Forgetting the endpoint needs no key, so this cannot fail for a locked keychain.
    await this.endpoints.set(chainId, []);
    directory.removeCustom(chainId);
    events.emit('chains.changed', this.list());
    return null;
  }

  async addToken(chainId: number, address: string) {
    await this.ready();
    return reachingChain(() => this.chains.addToken(chainId, address));
  }

  close(): void {
    if (this.poll) clearInterval(this.poll);
    this.unsubscribe();
    this.chains.close();
  }

  private reconfigureIfEnabledChanged(): Promise<void> {
    const key = JSON.stringify(this.options.settings.get().enabledChainIds);
    return key === this.enabledKey ? this.configured : this.reconfigure();
  }
}
