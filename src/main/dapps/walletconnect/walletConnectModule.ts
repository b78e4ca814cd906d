import type { ICore } from '@walletconnect/types';
import type { Database } from 'better-sqlite3';
import type { EventHub } from '../../api/events';
import type { Logger } from '../../log';
import type { DappGateway } from '../dappGateway';
import type { DappWallet } from '../dappWallet';
import type { ClipboardReader } from './clipboardReader';
import { closableStorage } from './closableStorage';
import { parsePairingUri } from './pairingUri';
import { readQrCode } from './qrImage';
import { type KeyVault, VaultKeyChain } from './vaultKeyChain';
import { walletConnectHandlers } from './walletConnectHandlers';
import { WalletConnectService, type WalletConnectServiceDeps } from './walletConnectService';
import type { WalletConnectSessionsRepository } from './walletConnectSessionsRepository';
import { WalletConnectStore } from './walletConnectStore';
import { WalletConnectStoreRepository } from './walletConnectStoreRepository';
import type { VerifyLookup } from './walletConnectVerify';

/** What a test (or a later build) may change of WalletConnect. */
export interface WalletConnectOptions {
  /** Verify's lookup; the core's own, which asks verify.walletconnect.org, unless given. */
  verify?: (core: ICore) => VerifyLookup;
  /** How long a pairing waits for the dApp's proposal. */
  proposalWaitMs?: number;
}

export interface WalletConnectModuleDeps extends WalletConnectOptions {
  db: Database;
  vault: KeyVault;
  events: EventHub;
  log: Logger;
  settings: WalletConnectServiceDeps['settings'];
  gateway: Pick<DappGateway, 'handle' | 'propose' | 'sessionEnded'>;
  wallet: Pick<DappWallet, 'accounts' | 'chain'>;
  /** The wallet's record of its sessions, which the dApp service's findings read too. */
  sessions: WalletConnectSessionsRepository;
  pending: (topic: string) => number;
  /** The system clipboard where the host has one (the Electron shell). */
  clipboard?: ClipboardReader;
  now: () => number;
}

/**
 * dApps through WalletConnect v2: its records in the database, its keys in the vault, the service, and the
 * `walletconnect.*` calls. It follows the settings (relay, project id), the accounts, and the dApp queue.
 */
export function createWalletConnect(deps: WalletConnectModuleDeps) {
  const { db, vault, events, log, now } = deps;
  const store = closableStorage(new WalletConnectStore(new WalletConnectStoreRepository(db)));
  const service = new WalletConnectService({
    ...deps,
    storage: store.storage,
    keychain: new VaultKeyChain(vault, log),
    parseUri: (text) => parsePairingUri(text, now()).uri,
  });
  let unsubscribe = () => {};
  return {
    service,
    handlers: walletConnectHandlers(service, readQrCode, deps.clipboard),
    async start() {
      unsubscribe = events.subscribe((name) => {
        if (name === 'settings.changed') void service.settingsChanged();
        if (name === 'accounts.changed') void service.accountsChanged();
        // A session's waiting requests are counted in the view.
        if (name === 'dapps.requestsChanged') service.changed();
      });
      await service.start();
    },
    async close() {
      unsubscribe();
      const closing = service.close();
      store.close();
      await closing;
    },
  };
}
