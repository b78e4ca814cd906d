import type { AccountView } from '../../shared/accounts';
import type { AppInfo, Channel, EventName, EventPayload, RequestOf } from '../../shared/api/contract';
import type { ApiFailure } from '../../shared/api/envelope';
import type { AddCustomChain, Chain } from '../../shared/chains/chain';
import { CHAINS } from '../../shared/chains/registry';
import type { BackupExport, DataLocation, ImportSummary } from '../../shared/localData';
import type { PortfolioView, TokenView } from '../../shared/portfolio';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { VaultStatus } from '../../shared/vault';
import { ApiCallError, type WalletClient } from '../api/client';
import { tokenKey } from '../portfolio/portfolioModel';
import { watchAccount } from './portfolioFixture';

/**
 * A test double of the renderer's WalletClient: answers from memory the way main's router does, records
 * every call, and can be told to fail. Only tests import it; the app never reaches it.
 */
export class WalletClientDouble implements WalletClient {
  settings: Settings = { ...DEFAULT_SETTINGS };
  info: AppInfo = {
    name: 'Ledgerline',
    version: '9.9.9-test',
    host: 'browser',
    platform: 'linux',
    arch: 'x64',
    runtime: { node: '24.0.0', electron: null },
  };
  location: DataLocation = {
    dataDir: '/home/ada/.config/Ledgerline',
    databaseFile: '/home/ada/.config/Ledgerline/wallet.sqlite',
  };
  vault: VaultStatus = {
    backend: 'Secret Service (GNOME Keyring, KWallet)',
    state: 'available',
    message: 'Secrets are encrypted with a key kept in the Secret Service (GNOME Keyring, KWallet).',
  };
  backup: BackupExport = { fileName: 'ledgerline-backup-2030-01-02.json', contents: '{"format":"test"}' };
  /** What the next backup.import reports; a repeated import of the same file reports all zeros. */
  importSummary: ImportSummary = { settings: 0, devices: 0, accounts: 0, labels: 0, addressBook: 0 };
  /** None by default, as on a fresh install; tests that need holdings set `fixturePortfolio()` and accounts. */
  accounts: AccountView[] = [];
  portfolio: PortfolioView = { chains: [], tokens: [], holdings: [], warnings: [] };
  /** Every network the wallet knows: the registry, then those added with chains.addCustom. */
  chains: Chain[] = [...CHAINS];
  /** Custom RPC URLs as chains.setRpc (or chains.addCustom) stored them, by chain id. */
  readonly rpcUrls = new Map<number, string[]>();
  readonly calls: { channel: Channel; request: unknown }[] = [];
  /** While set, every call fails with it, as when the browser host has gone away. */
  unreachable: Error | null = null;
  private readonly refusals = new Map<Channel, ApiFailure>();
  private readonly holds = new Map<Channel, Promise<void>>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  readonly call: WalletClient['call'] = (channel, ...args) => this.answer(channel, args[0]) as never;

  readonly on: WalletClient['on'] = (name, listener) => {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(name, set);
    return () => set.delete(listener as (payload: unknown) => void);
  };

  /** The next call on the channel fails with this code and message, as main refuses what it cannot do. */
  refuseNext(channel: Channel, failure: ApiFailure): void {
    this.refusals.set(channel, failure);
  }

  /**
   * Calls on the channel wait until the returned function is called, so a test can look at the screen while
   * main is still working.
   */
  hold(channel: Channel): () => void {
    let release!: () => void;
    this.holds.set(channel, new Promise((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(channel);
      release();
    };
  }

  /** What main pushes after a change made elsewhere, e.g. in another window. */
  pushSettings(settings: Settings): void {
    this.settings = settings;
    this.emit('settings.changed', settings);
  }

  /** Pushes an event as main does, e.g. refresh progress or a chain turning stale. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  private async answer(channel: Channel, request: unknown): Promise<unknown> {
    this.calls.push({ channel, request });
    if (this.unreachable) throw this.unreachable;
    await this.holds.get(channel);
    const refusal = this.refusals.get(channel);
    if (refusal) {
      this.refusals.delete(channel);
      throw new ApiCallError(channel, refusal);
    }
    switch (channel) {
      case 'app.info':
        return this.info;
      case 'chains.list':
        return [...this.chains];
      case 'settings.get':
        return this.settings;
      case 'settings.set':
        this.pushSettings({ ...this.settings, ...(request as RequestOf<'settings.set'>) });
        return this.settings;
      case 'data.location':
        return this.location;
      case 'vault.status':
        return this.vault;
      case 'backup.export':
        return this.backup;
      case 'backup.import':
        return this.importSummary;
      case 'data.reset':
        // Like main, which empties the settings table and tells every window what is stored now.
        this.pushSettings({ ...DEFAULT_SETTINGS });
        return null;
      case 'accounts.list':
        return this.accounts;
      case 'accounts.addWatch':
        return this.addWatch(request as RequestOf<'accounts.addWatch'>);
      case 'chains.status':
        return this.portfolio.chains;
      case 'chains.setRpc': {
        const { chainId, urls } = request as RequestOf<'chains.setRpc'>;
        this.rpcUrls.set(chainId, urls);
        return null;
      }
      case 'chains.addCustom':
        // Main's router fills the schema's defaults before the request reaches the service.
        return this.addCustomChain({
          decimals: 18,
          explorerUrl: null,
          ...(request as RequestOf<'chains.addCustom'>),
        });
      case 'chains.removeCustom':
        return this.removeCustomChain((request as RequestOf<'chains.removeCustom'>).chainId);
      case 'portfolio.get':
        return this.portfolio;
      case 'portfolio.refresh':
        return this.refresh();
      case 'tokens.add':
        return this.addToken(request as RequestOf<'tokens.add'>);
      case 'tokens.setHidden': {
        const { chainId, address, hidden } = request as RequestOf<'tokens.setHidden'>;
        return this.updateToken(chainId, address, { hidden });
      }
    }
  }

  private addWatch({ address, label = '' }: RequestOf<'accounts.addWatch'>): AccountView {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address.trim())) {
      throw new ApiCallError('accounts.addWatch', {
        code: 'invalid_request',
        message: `"${address}" is not an Ethereum address.`,
      });
    }
    if (this.accounts.some((account) => account.address.toLowerCase() === address.trim().toLowerCase())) {
      throw new ApiCallError('accounts.addWatch', {
        code: 'conflict',
        message: 'This address is already added.',
      });
    }
    const account = watchAccount(this.accounts.length + 1, address.trim(), label.trim());
    this.accounts = [...this.accounts, account];
    this.emit('accounts.changed', this.accounts);
    return account;
  }

  /** Like main: refuses a known chain id, stores the endpoint, pushes the new list and enables the network. */
  private addCustomChain(input: AddCustomChain): Chain {
    if (this.chains.some((chain) => chain.id === input.chainId)) {
      throw new ApiCallError('chains.addCustom', {
        code: 'conflict',
        message: `Chain ${input.chainId} is already in this wallet.`,
      });
    }
    const chain = customChain(input);
    this.chains = [...this.chains, chain];
    this.rpcUrls.set(chain.id, [input.rpcUrl]);
    this.emit('chains.changed', [...this.chains]);
    this.pushSettings({ ...this.settings, enabledChainIds: [...this.settings.enabledChainIds, chain.id] });
    return chain;
  }

  /** Like main: only user-added networks; disables it, forgets its endpoint and pushes the new list. */
  private removeCustomChain(chainId: number): null {
    if (CHAINS.some((chain) => chain.id === chainId) || !this.chains.some((chain) => chain.id === chainId)) {
      throw new ApiCallError('chains.removeCustom', {
        code: 'not_found',
        message: `Chain ${chainId} is not a network you added, so it cannot be removed.`,
      });
    }
    const enabled = this.settings.enabledChainIds;
    if (enabled.includes(chainId)) {
      this.pushSettings({ ...this.settings, enabledChainIds: enabled.filter((id) => id !== chainId) });
    }
    this.chains = this.chains.filter((chain) => chain.id !== chainId);
    this.rpcUrls.delete(chainId);
    this.emit('chains.changed', [...this.chains]);
    return null;
  }

  /** Like main: one progress event per chain as it finishes, then the chains' status. */
  private refresh() {
    const chains = this.portfolio.chains;
    chains.forEach((chain, index) =>
      this.emit('portfolio.progress', { chainId: chain.chainId, done: index + 1, total: chains.length }),
    );
    return chains;
  }

  private addToken({ chainId, address }: RequestOf<'tokens.add'>): TokenView {
    const token: TokenView = {
      chainId,
      address,
      symbol: 'NEW',
      name: 'New Token',
      decimals: 18,
      source: 'user',
      hidden: false,
      tags: [],
      logoURI: null,
    };
    this.portfolio = { ...this.portfolio, tokens: [...this.portfolio.tokens, token] };
    return token;
  }

  private updateToken(chainId: number, address: string, change: Partial<TokenView>): TokenView {
    const key = tokenKey(chainId, address);
    const token = this.portfolio.tokens.find((t) => tokenKey(t.chainId, t.address) === key);
    if (!token) throw new ApiCallError('tokens.setHidden', { code: 'not_found', message: 'No such token.' });
    const updated = { ...token, ...change };
    this.portfolio = {
      ...this.portfolio,
      tokens: this.portfolio.tokens.map((t) => (t === token ? updated : t)),
    };
    return updated;
  }
}

/** A user-added network as main describes it: no built-in endpoints, the explorer only if one was given. */
export function customChain({ chainId, name, symbol, decimals, explorerUrl }: AddCustomChain): Chain {
  return {
    id: chainId,
    name,
    shortName: `chain-${chainId}`,
    family: 'other',
    nativeCurrency: { name: symbol, symbol, decimals },
    explorer: explorerUrl ? { name: new URL(explorerUrl).host, url: explorerUrl } : null,
    rpcUrls: [],
    multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11', blockCreated: 0 },
  };
}
