import { hostname } from 'node:os';
import { join } from 'node:path';
import { accountsHandlers } from './accounts/accountsHandlers';
import { AccountsService } from './accounts/accountsService';
import { appHandlers } from './api/appInfo';
import { createEventHub } from './api/events';
import { createRouter } from './api/router';
import { ChainDirectory } from './chains/chainDirectory';
import { createChainsModule } from './chains/chainsModule';
import { createDappsModule } from './dapps/dappsModule';
import type { CoreBase } from './coreBase';
import { type Core, type CoreOptions, startEvery } from './coreOptions';
import { createHistoryModule } from './history/historyModule';
import { createLocalDataModule } from './localData/localDataModule';
import { logFailure } from './log';
import { createNamesModule } from './names/namesModule';
import { createPairingModule } from './pairing/pairingModule';
import { createPricesModule } from './prices/pricesModule';
import { createSafeSyncCollections, createSafesModule } from './safes/safesModule';
import { settingsHandlers } from './settings/settingsHandlers';
import { SettingsService } from './settings/settingsService';
import { createSignersModule } from './signers/signersModule';
import { openDatabase } from './store/database';
import { prepareDataDir } from './store/dataDir';
import { createRepositories } from './store/repositories';
import { createSyncModule } from './sync/syncModule';
import { createTxModule } from './tx/txModule';
import { createUpdatesModule } from './updates/updatesModule';
import { createOsKeychain } from './vault/keychain';
import { Vault } from './vault/vault';
import { VaultRepository } from './vault/vaultRepository';

export type { Core, CoreOptions } from './coreOptions';

/**
 * The composition root: opens the store and the vault, builds each capability once in dependency order,
 * merges their handlers into the router, and starts and stops them. Both the Electron shell and the browser
 * host call it, so the app they serve is the same code. Nothing here waits on the keychain: the vault reaches
 * it when a screen or a service first needs a secret (WalletConnect, once the user set a project id, reads its
 * keys as it starts, in the background), so start-up never waits on it.
 */
export function createCore(options: CoreOptions): Core {
  const { dataDir, app, log, updates: engine } = options;
  prepareDataDir(dataDir);
  const location = { dataDir, databaseFile: join(dataDir, 'wallet.sqlite') };
  const db = openDatabase(location.databaseFile);
  const repositories = createRepositories(db);
  const vault = new Vault(new VaultRepository(db), options.keychain ?? createOsKeychain(app.name));
  const events = createEventHub();
  const base: CoreBase = { db, repositories, vault, events, log };
  const directory = new ChainDirectory(db);
  const settings = new SettingsService(repositories.settings, events, log, (id) => !!directory.find(id));
  const {
    rpc,
    chainPollMs: pollMs,
    priceServiceUrl: baseUrl,
    valueSnapshotFloorMs: snapshotFloorMs,
  } = options;
  const priceService = { baseUrl, fetch: rpc?.fetch };
  const { pricing } = createPricesModule(base, { settings, priceService, snapshotFloorMs });
  const chains = createChainsModule(base, { directory, settings, rpc, pollMs, pricing });
  const { networks, refreshBalances } = chains;
  const activeChainId = () => settings.get().activeChainId;
  const accounts = new AccountsService({
    accounts: repositories.accounts,
    events,
    onAccountsChanged: refreshBalances,
  });
  const deviceName = (options.pairing?.desktopName ?? `Ledgerline on ${hostname()}`).slice(0, 40);
  const { sync, syncSoon, ...syncModule } = createSyncModule(base, {
    ...{ settings, directory, tokens: chains.tokens, endpoints: chains.endpoints, networks, deviceName },
    names: { announce: () => names.announce() },
    safes: createSafeSyncCollections(base, networks, () => safes.safes.changed()),
  });
  const { names, ...namesModule } = createNamesModule(base, syncSoon);
  const { pairing, ...pairingModule } = createPairingModule(base, {
    sync,
    activeChainId,
    onAccountsChanged: refreshBalances,
    desktopName: deviceName,
    relay: options.pairing,
  });
  const { signers, ...signersModule } = createSignersModule(base, {
    sources: options.deviceSources ?? [],
    phones: pairing,
    activeChainId,
    networks,
    onAccountsChanged: refreshBalances,
    recheckMs: options.deviceRecheckMs,
  });
  const { history, ...historyModule } = createHistoryModule(base, {
    settings,
    networks,
    fetch: rpc?.fetch,
    onNoteEdited: syncSoon,
    safeExecution: (chainId, hash) => safes.executionOf(chainId, hash),
  });
  const sign = signers.signTransaction.bind(signers);
  const { tx, ...txModule } = createTxModule(base, { networks, sign, history });
  const dapps = createDappsModule(base, {
    ...{ settings, networks, tx, signers, desktopName: deviceName, fetch: rpc?.fetch },
    ...{ desktopKey: pairingModule.desktopKey, bridgePort: options.bridgePort, clipboard: options.clipboard },
    walletConnect: options.walletConnect,
  });
  const safes = createSafesModule(base, { networks, tx, signers, syncSoon, pollMs: options.txPollMs });
  const localData = createLocalDataModule(base, { location, settings, accounts, sync, networks });
  const { updates, ...updatesModule } = createUpdatesModule(base, { settings, engine, version: app.version });

  const router = createRouter({
    trustedOrigins: options.trustedOrigins,
    log,
    handlers: {
      ...appHandlers(app, options.electronVersion),
      ...settingsHandlers(settings),
      ...localData.handlers,
      ...accountsHandlers(accounts),
      ...chains.handlers,
      ...signersModule.handlers,
      ...pairingModule.handlers,
      ...historyModule.handlers,
      ...txModule.handlers,
      ...namesModule.handlers,
      ...syncModule.handlers,
      ...dapps.handlers,
      ...safes.handlers,
      ...updatesModule.handlers,
    },
  });

  startEvery(options.historyPollMs ?? 60_000, (ms) => history.start(ms));
  startEvery(options.txPollMs ?? 4_000, (ms) => tx.start(ms));
  pairing.resume().catch((error: unknown) => logFailure(log, 'the phone relay could not start', error));
  signers.start().catch((error: unknown) => logFailure(log, 'hardware signers could not start', error));
  dapps.start().catch((error: unknown) => logFailure(log, 'dApp connections could not start', error));
  updates.start();
  sync
    .start(options.syncPollMs ?? 30_000)
    .catch((error: unknown) => logFailure(log, 'sync could not start', error));

  return {
    router,
    events,
    close() {
      history.stop();
      tx.stop();
      safes.stop();
      updates.stop();
      sync.stop();
      void pairing.close();
      void signers.stop();
      void dapps.close();
      networks.close();
      db.close();
    },
  };
}
