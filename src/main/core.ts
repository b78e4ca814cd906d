import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../shared/api/contract';
import { ApiError } from '../shared/api/envelope';
import type { DataLocation } from '../shared/localData';
import { createEventHub, type EventHub } from './api/events';
import { createRouter, type Router } from './api/router';
import type { Logger } from './log';
import { ChainDirectory } from './chains/chainDirectory';
import type { ChainsRpcOptions } from './chains/chainsService';
import { Networks } from './chains/networks';
import { decodeActivity } from './history/decode/decodeActivity';
import { HistoryService } from './history/historyService';
import { HistorySources } from './history/historySources';
import { chooseProvider } from './history/providers/chooseProvider';
import { fetchTransactions } from './history/providers/transactionFetcher';
import { connectRelayLink } from '../shared/pairing/relayLink';
import { PairingService } from './pairing/pairingService';
import { PhonePairingsRepository } from './pairing/phonePairingsRepository';
import { startRelay } from './pairing/relay/relayServer';
import { RpcEndpoints } from './chains/rpcEndpoints';
import { TokensRepository } from './chains/tokensRepository';
import { SettingsService } from './settings/settingsService';
import { syncedCollections } from './sync/syncedCollections';
import { SyncService } from './sync/syncService';
import type { DeviceSource } from './signers/deviceSource';
import { SignersService } from './signers/signersService';
import { TxService } from './tx/txService';
import { toChecksumAddress } from './store/address';
import { ContactInput } from './store/addressBookRepository';
import { LabelInput } from './store/labelsRepository';
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
  /** Where hardware signers come from: Ledger over HID and Trezor in the app, emulators in tests. */
  deviceSources?: readonly DeviceSource[];
  /** How often a locked device, or one in the wrong app, is asked again (2 s by default). */
  deviceRecheckMs?: number;
  /** How often history syncs while there are accounts (60 s by default); 0 syncs only when asked. */
  historyPollMs?: number;
  /** How often sent transactions are followed while any is open (4 s by default); 0 never. */
  txPollMs?: number;
  /** How often state sync runs (30 s by default); 0 syncs only when asked. */
  syncPollMs?: number;
  /** The phone relay: where it listens until the user picks (a LAN address, port 8787) and the companion. */
  pairing?: {
    host?: string;
    port?: number;
    companionDir?: string;
    requestTtlMs?: number;
    desktopName?: string;
  };
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

  const networks = new Networks({
    db,
    directory,
    secrets: vault,
    settings,
    events,
    accounts: () => repositories.accounts.list().map((account) => account.address),
    log,
    rpc: options.rpc,
    pollMs: options.chainPollMs ?? 15_000,
  });
  const { chains } = networks;
  const refreshBalances = () => void networks.ready().then(() => chains.refresh());

  const names = () => ({
    labels: repositories.labels.list().map(({ address, chainId, kind, name, note }) => ({
      address,
      chainId,
      kind,
      name,
      note,
    })),
    contacts: repositories.addressBook
      .list()
      .map(({ address, chainId, name, note }) => ({ address, chainId, name, note })),
  });
  const desktopName = (options.pairing?.desktopName ?? `Ledgerline on ${hostname()}`).slice(0, 40);
  const sync = new SyncService({
    db,
    vault,
    collections: syncedCollections({
      repositories,
      tokens: new TokensRepository(db),
      settings,
      directory,
      endpoints: new RpcEndpoints(vault, () => directory.all()),
      onNamesChanged: () => events.emit('names.changed', names()),
      onNotesChanged: (chainIds) => events.emit('history.changed', { chainIds }),
      onNetworksChanged: () => {
        events.emit('chains.changed', directory.all());
        void networks.reconfigure();
      },
    }),
    events,
    log,
    deviceName: desktopName,
  });
  /** A change the user made here: the group hears of it at once rather than at the next interval. */
  const syncSoon = () =>
    void sync.syncIfInUse().catch((error: unknown) => log.warn('sync failed', { error: String(error) }));

  const pairing = new PairingService({
    db,
    repositories,
    pairings: new PhonePairingsRepository(db),
    vault,
    events,
    log,
    activeChainId: () => settings.get().activeChainId,
    startRelay: (host, port) => startRelay({ host, port, companionDir: options.pairing?.companionDir, log }),
    connectRelay: connectRelayLink,
    relayHost: options.pairing?.host,
    relayPort: options.pairing?.port,
    desktopName,
    requestTtlMs: options.pairing?.requestTtlMs,
    onAccountsChanged: refreshBalances,
    sync,
  });

  const signers = new SignersService({
    db,
    repositories,
    sources: options.deviceSources ?? [],
    activity: async (addresses) => (await networks.ready(), chains.activity(addresses)),
    events,
    log,
    onAccountsChanged: refreshBalances,
    recheckMs: options.deviceRecheckMs,
    phones: pairing,
  });
  const sources = new HistorySources({
    secrets: vault,
    settings,
    events,
    fetch: options.rpc?.fetch,
    onChange: () => history.resetProviders(),
  });
  const history = new HistoryService({
    db,
    repositories,
    connections: async () => (await networks.ready(), chains.connections()),
    chooseProvider: async ({ chain, client, signal }) =>
      chooseProvider(chain, client, await sources.choice(), signal),
    decode: decodeActivity,
    fetch: fetchTransactions,
    tokens: (chainId, address) => chains.knownToken(chainId, address),
    events,
    log,
  });
  const historyPollMs = options.historyPollMs ?? 60_000;
  if (historyPollMs > 0) history.start(historyPollMs);

  const tx = new TxService({
    db,
    repositories,
    sign: (accountId, transaction) => signers.signTransaction(accountId, transaction),
    connections: async () => (await networks.ready(), chains.connections()),
    tokens: (chainId, address) => chains.knownToken(chainId, address),
    counterparties: (account) => history.counterparties(account).map(toChecksumAddress),
    events,
    log,
    onSettled: (chainIds) => void history.syncAfterCurrent(chainIds),
  });
  const txPollMs = options.txPollMs ?? 4_000;
  if (txPollMs > 0) tx.start(txPollMs);

  pairing.resume().catch((error: unknown) => {
    log.error('the phone relay could not start', {
      error: error instanceof Error ? error.message : String(error),
    });
  });

  signers.start().catch((error: unknown) => {
    log.error('hardware signers could not start', {
      error: error instanceof Error ? error.message : String(error),
    });
  });

  function namesChanged(): void {
    events.emit('names.changed', names());
    syncSoon();
  }

  const syncPollMs = options.syncPollMs ?? 30_000;
  sync.start(syncPollMs).catch((error: unknown) => {
    log.error('sync could not start', { error: error instanceof Error ? error.message : String(error) });
  });

  const info: AppInfo = {
    ...app,
    platform: process.platform,
    arch: process.arch,
    runtime: { node: process.versions.node, electron: electronVersion },
  };

  async function resetLocalData(): Promise<null> {
    clearLocalData(db);
    sync.reset();
    try {
      await vault.destroy();
    } catch (error) {
      // The sealed rows are gone already; a key the locked keychain kept is pruned on a later start.
      if (!(error instanceof VaultError)) throw error;
      log.warn('reset could not remove the data key from the keychain yet', { code: error.code });
    }
    events.emit('settings.changed', settings.get());
    events.emit('accounts.changed', repositories.accounts.list());
    await networks.reconfigure();
    return null;
  }

  const router = createRouter({
    trustedOrigins,
    log,
    handlers: {
      'app.info': () => info,
      'chains.list': () => networks.list(),
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
        refreshBalances();
        return account;
      },
      'chains.status': async () => (await networks.ready(), chains.status()),
      'chains.addCustom': (input) => networks.addCustom(input),
      'chains.removeCustom': ({ chainId }) => networks.removeCustom(chainId),
      'chains.setRpc': ({ chainId, urls }) => networks.setRpc(chainId, urls),
      'portfolio.get': async () => (await networks.ready(), chains.portfolio()),
      'portfolio.refresh': async () => (await networks.ready(), chains.refresh()),
      'tokens.add': ({ chainId, address }) => networks.addToken(chainId, address),
      'tokens.setHidden': async ({ chainId, address, hidden }) => (
        await networks.ready(),
        chains.setTokenHidden(chainId, address, hidden)
      ),
      'accounts.remove': ({ accountId }) => (signers.removeAccount(accountId), null),
      'devices.list': () => signers.list(),
      'devices.discover': (request) => signers.discover(request),
      'devices.addAccounts': (request) => signers.addAccounts(request),
      'devices.verifyAddress': ({ accountId }) => signers.verifyAddress(accountId),
      'devices.forget': ({ fingerprint }) => (signers.forget(fingerprint), null),
      'devices.answer': ({ deviceId, request, value }) => (signers.answer(deviceId, request, value), null),
      'signing.message': ({ accountId, message }) => signers.signMessage(accountId, message),
      'signing.typedData': (request) => signers.signTypedData(request),
      'signing.cancel': ({ id }) => {
        if (!pairing.cancelRequest(id))
          throw new ApiError('not_found', 'That request is not waiting any more.');
        return null;
      },
      'signing.retry': ({ id }) => (pairing.retryRequest(id), null),
      'pairing.status': () => pairing.status(),
      'pairing.start': () => pairing.start(),
      'pairing.confirm': ({ id, matches }) => pairing.confirm(id, matches),
      'pairing.cancel': ({ id }) => pairing.cancel(id),
      'pairing.revoke': ({ fingerprint }) => pairing.revoke(fingerprint),
      'pairing.setRelay': ({ host, port }) => pairing.setRelay(host, port),
      'tx.review': (draft) => tx.review(draft),
      'tx.send': (draft) => tx.send(draft),
      'tx.list': () => tx.list(),
      'tx.speedUp': ({ id }) => tx.speedUp(id),
      'tx.cancel': ({ id }) => tx.cancel(id),
      'approvals.list': ({ accountId, chainId }) => tx.approvals(accountId, chainId),
      'approvals.revoke': (request) => tx.revoke(request),
      'history.page': (query) => history.page(query),
      'history.status': () => history.status(),
      'history.sync': () => history.sync(),
      'history.exportCsv': (filters) => history.exportCsv(filters),
      'history.setNote': ({ chainId, hash, note }) => {
        repositories.txNotes.set({ chainId, hash, note });
        // Every open timeline showing this chain refetches, and so shows the note.
        events.emit('history.changed', { chainIds: [chainId] });
        syncSoon();
        return null;
      },
      'history.sources': () => sources.view(),
      'history.setEtherscanKey': async ({ key }) => (await sources.setEtherscanKey(key), null),
      'names.list': names,
      'labels.set': (input) => {
        const { address, chainId, kind, name, note } = repositories.labels.set(LabelInput.parse(input));
        namesChanged();
        return { address, chainId, kind, name, note };
      },
      'labels.remove': ({ address, chainId }) => {
        repositories.labels.remove(toChecksumAddress(address), chainId);
        namesChanged();
        return null;
      },
      'contacts.set': (input) => {
        const { address, chainId, name, note } = repositories.addressBook.set(ContactInput.parse(input));
        namesChanged();
        return { address, chainId, name, note };
      },
      'contacts.remove': ({ address, chainId }) => {
        repositories.addressBook.remove(toChecksumAddress(address), chainId);
        namesChanged();
        return null;
      },
      'sync.status': () => sync.status(),
      'sync.setFolder': ({ path }) => sync.setFolder(path),
      'sync.setCollections': (patch) => sync.setCollections(patch),
      'sync.now': () => sync.syncNow(),
      'sync.invite': () => sync.invite(),
      'sync.join': ({ code }) => sync.join(code),
      'sync.removeDevice': ({ id }) => sync.removeDevice(id),
    },
  });

  return {
    router,
    events,
    close() {
      history.stop();
      tx.stop();
      sync.stop();
      void pairing.close();
      void signers.stop();
      networks.close();
      db.close();
    },
  };
}
