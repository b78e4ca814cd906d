import type { AccountView } from '../../../src/shared/accounts';
import type { AppInfo, EventName, EventPayload, RequestOf } from '../../../src/shared/api/contract';

import type { Chain } from '../../../src/shared/chains/chain';
import { CHAINS } from '../../../src/shared/chains/registry';
import type { DeviceView, DiscoveryScheme } from '../../../src/shared/devices';
import type { HistoryEntryView, HistorySyncState } from '../../../src/shared/history';
import type { BackupExport, DataLocation, ImportSummary } from '../../../src/shared/localData';
import type { NamesView } from '../../../src/shared/names';
import type { PairingAttempt, PairingView } from '../../../src/shared/pairing';
import type { PortfolioView, ValueHistoryView } from '../../../src/shared/portfolio';
import type { SafesView } from '../../../src/shared/safes';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import type { SyncInvite, SyncView } from '../../../src/shared/sync';
import type { Finding } from '../../../src/shared/review';
import type { AllowanceView, OutgoingView } from '../../../src/shared/tx';
import type { VaultStatus } from '../../../src/shared/vault';
import { loopbackRelay } from '../pairingFixture';
import { soloSync } from '../syncFixture';

/**
 * What the double knows: the wallet's state as main would hold it, as tests set it, and the events main
 * pushes when it changes. The call families in this folder answer from it; WalletClientDouble adds the
 * client's own surface (calls, refusals, holds).
 */
export class DoubleWorld {
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
  importSummary: ImportSummary = {
    settings: 0,
    devices: 0,
    accounts: 0,
    labels: 0,
    addressBook: 0,
    txNotes: 0,
  };
  /** None by default, as on a fresh install; tests that need holdings set `fixturePortfolio()` and accounts. */
  accounts: AccountView[] = [];
  portfolio: PortfolioView = {
    chains: [],
    tokens: [],
    holdings: [],
    warnings: [],
    currency: 'USD',
    values: [],
  };
  /** What portfolio.valueHistory answers: no snapshots until a test sets some. */
  valueHistory: ValueHistoryView = { currency: 'USD', points: [] };
  /** Every network the wallet knows: the registry, then those added with chains.addCustom. */
  chains: Chain[] = [...CHAINS];
  /** Custom RPC URLs as chains.setRpc (or chains.addCustom) stored them, by chain id. */
  readonly rpcUrls = new Map<number, string[]>();
  /** The decoded timeline main has indexed, in any order; history.page sorts it newest first. */
  history: HistoryEntryView[] = [];
  /** Each chain's history sync as history.status reports it; history.sync marks every one synced. */
  historyStatus: HistorySyncState[] = [];
  /** The Etherscan API key as history.setEtherscanKey stored it; history.sources says only whether it is set. */
  etherscanKey: string | null = null;
  /** Connected and known devices; none by default, as on a fresh install (see deviceFixture). */
  devices: DeviceView[] = [];
  /** The indexes that have on-chain activity, per scheme, for every seed: discovery stops after them. */
  usedIndexes: Record<DiscoveryScheme, number[]> = { 'ledger-live': [0, 1], bip44: [0], legacy: [] };
  /** What the user does on the device when asked to sign or show an address. */
  deviceResponse: 'confirm' | 'reject' = 'confirm';
  /** Every devices.answer, in order, as the device received it. */
  readonly deviceAnswers: RequestOf<'devices.answer'>[] = [];
  /** Address-book names a recipient may be typed as, lower-cased name → address: part of a review's world. */
  addressBook: Record<string, string> = {};
  /** Findings tx.review adds for a recipient, by lower-case address (e.g. a look-alike), before main's own. */
  recipientWarnings: Record<string, Finding[]> = {};
  /** Every transaction this wallet sent, as tx.list answers and tx.changed pushes it. */
  outgoing: OutgoingView[] = [];
  /** Live allowances per owner; the overview reads them per chain, and an included revoke removes one. */
  allowances: AllowanceView[] = [];
  /** Spenders approvals.overview finds no contract code at (lower-case): plain accounts, a drainer's mark. */
  codelessSpenders: string[] = [];
  /** The time approvals.overview measures an approval's age from, in unix seconds. */
  nowSeconds = 1_700_000_000;
  /** The relay, the QR code on screen and the paired phones; every change is pushed as pairing.changed. */
  pairing: PairingView = { relay: loopbackRelay(), attempt: null, phones: [] };
  /** Labels and contacts as names.list answers them; every change is pushed as names.changed. */
  names: NamesView = { labels: [], contacts: [] };
  /** The sync group, folder and collections; every change is pushed as sync.changed. */
  sync: SyncView = soloSync();
  /** The invite sync.invite handed out last, which sync.join on another desktop would accept. */
  syncInvite: SyncInvite | null = null;
  /** The Safes followed and their pending transactions; every change is pushed as safes.changed. */
  safes: SafesView = { safes: [], transactions: [] };
  /** Spelled out so that an event added to the contract does not compile until the double can push it. */
  protected readonly listeners: { [E in EventName]: Set<(payload: EventPayload<E>) => void> } = {
    'settings.changed': new Set(),
    'accounts.changed': new Set(),
    'chains.changed': new Set(),
    'chains.status': new Set(),
    'portfolio.progress': new Set(),
    'devices.changed': new Set(),
    'signing.request': new Set(),
    'pairing.changed': new Set(),
    'history.progress': new Set(),
    'history.changed': new Set(),
    'tx.changed': new Set(),
    'names.changed': new Set(),
    'sync.changed': new Set(),
    'dapps.sitesChanged': new Set(),
    'dapps.requestsChanged': new Set(),
    'browsers.changed': new Set(),
    'dapps.showCallsStatus': new Set(),
    'walletconnect.changed': new Set(),
    'safes.changed': new Set(),
    'updates.changed': new Set(),
  };

  /** Pushes an event as main does, e.g. refresh progress or a chain turning stale. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners[name]) listener(payload);
  }

  /** A device changing state (plugged, locked, asking for a PIN), pushed as main does. */
  setDevice(id: string, change: Partial<DeviceView>): void {
    this.devices = this.devices.map((device) => (device.id === id ? { ...device, ...change } : device));
    this.emit('devices.changed', this.deviceViews());
  }

  /** Like main: each device with how many of this wallet's accounts it signs for. */
  deviceViews(): DeviceView[] {
    return this.devices.map((device) => ({
      ...device,
      accounts: this.accounts.filter((a) => a.deviceFingerprint === device.fingerprint).length,
    }));
  }

  /** What main pushes after a change made elsewhere, e.g. in another window. */
  pushSettings(settings: Settings): void {
    this.settings = settings;
    this.emit('settings.changed', settings);
  }

  /** A change to pairing made by main on its own (the relay failing, a phone coming online), pushed. */
  updatePairing(change: Partial<PairingView>): PairingView {
    this.pairing = { ...this.pairing, ...change };
    this.emit('pairing.changed', this.pairing);
    return this.pairing;
  }

  updateAttempt(change: Partial<PairingAttempt>): PairingView {
    const { attempt } = this.pairing;
    if (!attempt) throw new Error('No pairing attempt: call pairing.start first.');
    return this.updatePairing({ attempt: { ...attempt, ...change } });
  }

  /** Labels or contacts changed, here or on another device of the sync group: pushed whole, as main does. */
  pushNames(change: Partial<NamesView>): NamesView {
    this.names = { ...this.names, ...change };
    this.emit('names.changed', this.names);
    return this.names;
  }

  /** Safes or their transactions changed, here or on another desktop of the sync group: pushed whole. */
  updateSafes(change: Partial<SafesView>): SafesView {
    this.safes = { ...this.safes, ...change };
    this.emit('safes.changed', this.safes);
    return this.safes;
  }

  /** A change to sync made by main on its own (a device falling behind, a blob refused), pushed. */
  updateSync(change: Partial<SyncView>): SyncView {
    this.sync = { ...this.sync, ...change };
    this.emit('sync.changed', this.sync);
    return this.sync;
  }
}
