import type { KeyPair } from '../../shared/pairing/noise';
import type { Networks } from '../chains/networks';
import type { CoreBase } from '../coreBase';
import { rpc } from '../rpc/jsonRpc';
import type { SettingsService } from '../settings/settingsService';
import { createExtensionBridge } from './bridge/extensionBridge';
import { dappsHandlers } from './dappsHandlers';
import { DappsService } from './dappsService';
import type { DappWallet } from './dappWallet';
import { RequestQueue } from './requestQueue';
import { RequestQueueRepository } from './requestQueueRepository';
import type { DappSigners, DappTransactions } from './signingDeps';
import { createDappSigning } from './signingRequests';
import { type SiteFindings, siteFindings } from './siteFindings';
import { Sites } from './sites';
import { SitesRepository } from './sitesRepository';
import type { ClipboardReader } from './walletconnect/clipboardReader';
import { createWalletConnect, type WalletConnectOptions } from './walletconnect/walletConnectModule';
import { WalletConnectSessionsRepository } from './walletconnect/walletConnectSessionsRepository';

export interface DappsModuleDeps {
  settings: Pick<SettingsService, 'get' | 'set'>;
  networks: Pick<Networks, 'list' | 'chains' | 'addCustom' | 'addToken'>;
  tx: DappTransactions;
  signers: DappSigners;
  /** The desktop's static key, the one phones pin too, so the desktop has one identity. */
  desktopKey: () => Promise<KeyPair>;
  desktopName: string;
  /** The loopback port extensions connect to (47391 unless said); 0 picks a free one (tests). */
  bridgePort?: number;
  /** How an endpoint a site proposes is asked its chain id (the app's fetch, behind its proxy). */
  fetch?: typeof fetch;
  /** The system clipboard, to pair WalletConnect from (the Electron shell's). */
  clipboard?: ClipboardReader;
  walletConnect?: WalletConnectOptions;
  now?: () => number;
}

/** The wallet as the dApp service sees it: accounts, networks and settings, and nothing else. */
function dappWallet(base: CoreBase, { settings, networks }: DappsModuleDeps): DappWallet {
  const enabled = () => settings.get().enabledChainIds;
  return {
    accounts: () => base.repositories.accounts.list(),
    activeChainId: () => settings.get().activeChainId,
    chain(chainId) {
      const chain = networks.list().find((candidate) => candidate.id === chainId);
      return chain && { name: chain.name, enabled: enabled().includes(chainId) };
    },
    client: (chainId) =>
      networks.chains.connections().find((connection) => connection.chain.id === chainId)?.client,
    enableChain(chainId) {
      if (!enabled().includes(chainId)) settings.set({ enabledChainIds: [...enabled(), chainId] });
    },
    async addChain(chain) {
      await networks.addCustom(chain);
    },
    async addToken(chainId, address) {
      await networks.addToken(chainId, address);
    },
  };
}

/**
 * dApps through the paired browser extension and through WalletConnect: the connections and request queue
 * (DappsService), the signing requests behind them, the loopback bridge the extension reaches them through,
 * and the WalletConnect client that is a second way in.
 */
export function createDappsModule(base: CoreBase, deps: DappsModuleDeps) {
  const { db, repositories, vault, events, log } = base;
  const now = deps.now ?? Date.now;
  const wallet = dappWallet(base, deps);
  const sites = new Sites(new SitesRepository(db), now);
  const queue = new RequestQueue(new RequestQueueRepository(db), { now, log });
  const sessions = new WalletConnectSessionsRepository(db);
  const findings: SiteFindings = (origin, via) =>
    siteFindings(origin, via, {
      sites: sites.known(),
      sessions: sessions.list(),
      verifyOn: deps.settings.get().walletConnectVerify,
      now: now(),
    });
  const signing = createDappSigning({
    db,
    repositories,
    tx: deps.tx,
    signers: deps.signers,
    async nativeDecimals(chainId) {
      const chain = deps.networks.list().find((candidate) => candidate.id === chainId);
      return chain?.nativeCurrency.decimals ?? 18;
    },
    chain: {
      receipts: (chainId, hashes) =>
        deps.networks.chains.connection(chainId).client.sendBatch(hashes.map(rpc.getTransactionReceipt)),
    },
    enabledChainIds: () => deps.settings.get().enabledChainIds,
    siteFindings: findings,
    showCallsStatus: (origin, id) => events.emit('dapps.showCallsStatus', { origin, id }),
    log,
    now,
  });
  const dapps = new DappsService({
    sites,
    queue,
    wallet,
    signing,
    siteFindings: findings,
    events,
    log,
    now,
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
  });
  const bridge = createExtensionBridge({
    db,
    vault,
    events,
    log,
    port: deps.bridgePort ?? 0,
    desktopName: deps.desktopName,
    desktopKey: deps.desktopKey,
    gateway: dapps,
    now,
  });
  dapps.attach(bridge.link);
  const walletConnect = createWalletConnect({
    ...{ db, vault, events, log, now, sessions, wallet, settings: deps.settings, gateway: dapps },
    ...{ pending: (topic: string) => queue.pendingForSession(topic), clipboard: deps.clipboard },
    ...deps.walletConnect,
  });
  const unsubscribe = events.subscribe((name) => {
    if (name === 'accounts.changed') dapps.accountsChanged();
  });
  return {
    dapps,
    handlers: {
      ...dappsHandlers(dapps),
      ...bridge.handlers,
      ...walletConnect.handlers,
      // "Disconnect all" on the Connected sites page ends the WalletConnect sessions listed there too.
      async 'dapps.revokeAll'() {
        await walletConnect.service.disconnectAll();
        return dapps.revokeAll();
      },
    },
    async start() {
      await Promise.all([bridge.start(), walletConnect.start()]);
    },
    async close() {
      unsubscribe();
      signing.stop();
      await Promise.all([bridge.close(), walletConnect.close()]);
    },
  };
}
