import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/api/contract';
import type { AddCustomChain } from '../shared/chains/chain';
import { MULTICALL3_ADDRESS } from '../shared/chains/registry';
import { ApiError } from '../shared/api/envelope';
import type { DataLocation } from '../shared/localData';
import { createEventHub, type EventHub } from './api/events';
import { createRouter, type Router } from './api/router';
import type { Logger } from './log';
import { ChainDirectory } from './chains/chainDirectory';
import { ChainsError } from './chains/chainsError';
import { ChainsService, type ChainsRpcOptions } from './chains/chainsService';
import { rpc } from './chains/jsonRpc';
import { RpcClient } from './chains/rpcClient';
import { RpcEndpoints } from './chains/rpcEndpoints';
import { RpcError } from './chains/rpcError';
import { SettingsService } from './settings/settingsService';
import { toChecksumAddress } from './store/address';
import { BackupService } from './store/backup';
import { openDatabase } from './store/database';
import { clearLocalData } from './store/localData';
import { createRepositories } from './store/repositories';
import { createOsKeychain, type Keychain } from './vault/keychain';
import { Vault } from './vault/vault';
import { VaultError } from './vault/vaultError';
import { VaultRepository } from './vault/vaultRepository';

export interface CoreOptions {
  /** Where the database lives; the Electron shell passes app.getPath('userData'). */
  dataDir: string;
  app: Pick<AppInfo, 'name' | 'version' | 'host'>;
  electronVersion: string | null;
  /** Origins whose main frame may call the router: `app://wallet` in Electron, the host's own URL in a browser. */
  trustedOrigins: readonly string[];
  log: Logger;
  /** The OS keychain by default; the service name is the app's, so every install shares one entry set. */
  keychain?: Keychain;
  /** How often chain heads are polled while there are accounts (15 s by default); 0 turns polling off. */
  chainPollMs?: number;
  rpc?: ChainsRpcOptions;
}

export interface Core {
  router: Router;
  events: EventHub;
  close(): void;
}

/**
 * Builds every core service once and wires them to the router. Both the Electron shell and the browser host
 * call this, so the app they serve is the same code. Nothing here touches the keychain: the vault reaches it
 * only when a screen or a service first needs a secret, so start-up never waits on (or prompts for) it.
 */
export function createCore(options: CoreOptions): Core {
  const { dataDir, app, electronVersion, trustedOrigins, log } = options;
  mkdirSync(dataDir, { recursive: true });
  const location: DataLocation = { dataDir, databaseFile: join(dataDir, 'wallet.sqlite') };
  const db = openDatabase(location.databaseFile);
  const events = createEventHub();

  const repositories = createRepositories(db);
  const directory = new ChainDirectory(db);
  const settings = new SettingsService(
    repositories.settings,
    events,
    log,
    (chainId) => directory.find(chainId) !== undefined,
  );
  const backup = new BackupService(db, repositories);
  const vault = new Vault(new VaultRepository(db), options.keychain ?? createOsKeychain(app.name));

  const endpoints = new RpcEndpoints(vault, () => directory.all());
  const accountAddresses = () => repositories.accounts.list().map((account) => account.address);
  const chains = new ChainsService({
    db,
    chains: [],
    accounts: accountAddresses,
    log,
    rpc: options.rpc,
    events: {
      status: (status) => events.emit('chains.status', status),
      progress: (progress) => events.emit('portfolio.progress', progress),
    },
  });
  // Chains are configured asynchronously (custom endpoints live in the vault); every chain call waits for the
  // latest configuration, so nothing is ever sent to a chain the user has just disabled.
  let configured = Promise.resolve();
  const configureChains = () => {
    const enabled = settings.get().enabledChainIds;
    configured = endpoints.enabledChains(enabled).then(
      (list) => chains.setChains(list),
      (error: unknown) => {
        log.warn('custom RPC endpoints could not be read; those chains stay off', { error: String(error) });
        chains.setChains([]);
      },
    );
    return configured;
  };
  void configureChains();
  let enabledKey = JSON.stringify(settings.get().enabledChainIds);
  const unsubscribe = events.subscribe((name, payload) => {
    if (name !== 'settings.changed') return;
    const key = JSON.stringify((payload as { enabledChainIds: number[] }).enabledChainIds);
    if (key !== enabledKey) {
      enabledKey = key;
      void configureChains();
    }
  });
  // With no accounts there is nothing to read, so an idle wallet sends no request at all.
  const poll =
    options.chainPollMs && options.chainPollMs > 0
      ? setInterval(() => {
          if (accountAddresses().length > 0)
            void configured.then(() => chains.refresh({ onlyIfMoved: true }));
        }, options.chainPollMs).unref()
      : null;

  /**
   * A network is added only once its endpoint has proved it serves that chain id (the client refuses any
   * other) and has Multicall3 where balances are read from; its endpoint goes to the vault, and it is enabled.
   */
  async function addCustomChain(input: AddCustomChain) {
    if (directory.find(input.chainId)) {
      throw new ChainsError('conflict', `Chain ${input.chainId} is already in this wallet.`);
    }
    const client = new RpcClient({
      ...options.rpc,
      chainId: input.chainId,
      chainName: input.name,
      urls: [input.rpcUrl],
      log,
    });
    let code: string;
    try {
      code = await client.send(rpc.getCode(MULTICALL3_ADDRESS, 'latest'));
    } catch (error) {
      if (error instanceof RpcError) throw new ApiError('chain_unavailable', error.message, { cause: error });
      throw error;
    }
    if (code === '0x') {
      throw new ChainsError(
        'invalid_request',
        `${input.name} has no Multicall3 contract at ${MULTICALL3_ADDRESS}, which the wallet reads balances through.`,
      );
    }
    const chain = directory.addCustom(input);
    try {
      await endpoints.set(input.chainId, [input.rpcUrl]);
    } catch (error) {
      // Without its endpoint the network is unusable; the keychain's error says what to fix.
      directory.removeCustom(input.chainId);
      throw error;
    }
    events.emit('chains.changed', directory.all());
    settings.set({ enabledChainIds: [...settings.get().enabledChainIds, input.chainId] });
    return chain;
  }

  async function removeCustomChain(chainId: number) {
    if (!directory.isCustom(chainId)) {
      throw new ChainsError(
        'not_found',
        `Chain ${chainId} is not a network you added, so it cannot be removed.`,
      );
    }
    const enabled = settings.get().enabledChainIds;
    if (enabled.includes(chainId)) settings.set({ enabledChainIds: enabled.filter((id) => id !== chainId) });
    directory.removeCustom(chainId);
    await endpoints.set(chainId, []).catch(() => undefined);
    events.emit('chains.changed', directory.all());
    return null;
  }

  const info: AppInfo = {
    ...app,
    platform: process.platform,
    arch: process.arch,
    runtime: { node: process.versions.node, electron: electronVersion },
  };

  async function resetLocalData(): Promise<null> {
    clearLocalData(db);
    try {
      await vault.destroy();
    } catch (error) {
      // The sealed rows are gone already; a key the locked keychain kept is pruned on a later start.
      if (!(error instanceof VaultError)) throw error;
      log.warn('reset could not remove the data key from the keychain yet', { code: error.code });
    }
    events.emit('settings.changed', settings.get());
    events.emit('accounts.changed', repositories.accounts.list());
    await configureChains();
    return null;
  }

  const router = createRouter({
    trustedOrigins,
    log,
    handlers: {
      'app.info': () => info,
      'chains.list': () => directory.all(),
      'settings.get': () => settings.get(),
      'settings.set': (patch) => settings.set(patch),
      'data.location': () => location,
      'data.reset': resetLocalData,
      'backup.export': () => ({
        fileName: `ledgerline-backup-${new Date().toISOString().slice(0, 10)}.json`,
        contents: backup.export(),
      }),
      'backup.import': ({ contents }) => {
        const summary = backup.import(contents);
        events.emit('settings.changed', settings.get());
        return summary;
      },
      'vault.status': () => vault.status(),
      'accounts.list': () => repositories.accounts.list(),
      'accounts.addWatch': ({ address, label }) => {
        const account = repositories.accounts.add({
          signer: 'watch',
          deviceFingerprint: null,
          derivationScheme: null,
          derivationPath: null,
          address: toChecksumAddress(address),
          label,
        });
        events.emit('accounts.changed', repositories.accounts.list());
        void configured.then(() => chains.refresh());
        return account;
      },
      'chains.status': async () => (await configured, chains.status()),
      'chains.addCustom': addCustomChain,
      'chains.removeCustom': ({ chainId }) => removeCustomChain(chainId),
      'chains.setRpc': async ({ chainId, urls }) => {
        await endpoints.set(chainId, urls);
        await configureChains();
        return null;
      },
      'portfolio.get': async () => (await configured, chains.portfolio()),
      'portfolio.refresh': async () => (await configured, chains.refresh()),
      'tokens.add': async ({ chainId, address }) => {
        await configured;
        try {
          return await chains.addToken(chainId, address);
        } catch (error) {
          if (error instanceof RpcError)
            throw new ApiError('chain_unavailable', error.message, { cause: error });
          throw error;
        }
      },
      'tokens.setHidden': async ({ chainId, address, hidden }) => (
        await configured,
        chains.setTokenHidden(chainId, address, hidden)
      ),
    },
  });

  return {
    router,
    events,
    close() {
      if (poll) clearInterval(poll);
      unsubscribe();
      chains.close();
      db.close();
    },
  };
}
