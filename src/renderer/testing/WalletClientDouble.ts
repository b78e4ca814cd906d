import type { AccountView } from '../../shared/accounts';
import type { AppInfo, Channel, EventName, EventPayload, RequestOf } from '../../shared/api/contract';
import type { ApiFailure } from '../../shared/api/envelope';
import type { AddCustomChain, Chain } from '../../shared/chains/chain';
import { CHAINS } from '../../shared/chains/registry';
import type {
  DeviceView,
  DiscoveredAccount,
  DiscoveryPage,
  DiscoveryScheme,
  SignatureResult,
  SigningRequestView,
} from '../../shared/devices';
import type { HistoryEntryView, HistoryPage, HistoryQuery, HistorySyncState } from '../../shared/history';
import type { BackupExport, DataLocation, ImportSummary } from '../../shared/localData';
import type { ContactView, LabelView, NameRef, NamesView } from '../../shared/names';
import type { PairingAttempt, PairingView } from '../../shared/pairing';
import type { PortfolioView, TokenView } from '../../shared/portfolio';
import type { AllowanceView, FeeOption, OutgoingView, SendReview } from '../../shared/tx';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { SyncInvite, SyncView } from '../../shared/sync';
import type { VaultStatus } from '../../shared/vault';
import { ApiCallError, type WalletClient } from '../api/client';
import { tokenKey } from '../portfolio/portfolioModel';
import { deviceAccount, derivedAddress, schemePath } from './deviceFixture';
import { loopbackRelay, pairedPhone } from './pairingFixture';
import { soloSync, syncDevice } from './syncFixture';
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
  portfolio: PortfolioView = { chains: [], tokens: [], holdings: [], warnings: [] };
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
  readonly calls: { channel: Channel; request: unknown }[] = [];
  /** Address-book names tx.review resolves, lower-cased name → address. */
  addressBook: Record<string, string> = {};
  /** Warnings tx.review adds for a recipient, by lower-case address (e.g. a poisoning look-alike). */
  recipientWarnings: Record<string, SendReview['warnings']> = {};
  /** Every transaction this wallet sent, as tx.list answers and tx.changed pushes it. */
  outgoing: OutgoingView[] = [];
  /** Live allowances per owner; approvals.list filters by chain, and an included revoke removes one. */
  allowances: AllowanceView[] = [];
  private readonly revokes = new Map<number, { token: string; spender: string }>();
  /** The relay, the QR code on screen and the paired phones; every change is pushed as pairing.changed. */
  pairing: PairingView = { relay: loopbackRelay(), attempt: null, phones: [] };
  private attemptCount = 0;
  /** Labels and contacts as names.list answers them; every change is pushed as names.changed. */
  names: NamesView = { labels: [], contacts: [] };
  /** The sync group, folder and collections; every change is pushed as sync.changed. */
  sync: SyncView = soloSync();
  /** The invite sync.invite handed out last, which sync.join on another desktop would accept. */
  syncInvite: SyncInvite | null = null;
  private inviteCount = 0;
  /** Phone signing requests main still holds, by id, for signing.cancel and signing.retry to find. */
  private readonly phoneRequests = new Map<string, SigningRequestView>();
  private txClock = 1_700_000_600_000;
  /** While set, every call fails with it, as when the browser host has gone away. */
  unreachable: Error | null = null;
  private readonly refusals = new Map<Channel, ApiFailure>();
  private readonly holds = new Map<Channel, Promise<void>>();
  private deviceGate: Promise<void> | null = null;
  private requestCount = 0;
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

  /**
   * The device waits for the user until the returned function is called, so a test can look at the signing
   * sheet while a request is awaiting confirmation.
   */
  holdDevice(): () => void {
    let release!: () => void;
    this.deviceGate = new Promise((resolve) => (release = resolve));
    return () => {
      this.deviceGate = null;
      release();
    };
  }

  /** A device changing state (plugged, locked, asking for a PIN), pushed as main does. */
  setDevice(id: string, change: Partial<DeviceView>): void {
    this.devices = this.devices.map((device) => (device.id === id ? { ...device, ...change } : device));
    this.emit('devices.changed', this.listDevices());
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
      case 'accounts.remove':
        return this.removeAccount((request as RequestOf<'accounts.remove'>).accountId);
      case 'devices.list':
        return this.listDevices();
      case 'devices.discover':
        return this.discover(request as RequestOf<'devices.discover'>);
      case 'devices.addAccounts':
        return this.addDeviceAccounts(request as RequestOf<'devices.addAccounts'>);
      case 'devices.verifyAddress':
        return this.verifyAddress((request as RequestOf<'devices.verifyAddress'>).accountId);
      case 'devices.forget':
        return this.forget((request as RequestOf<'devices.forget'>).fingerprint);
      case 'devices.answer':
        return this.answerDevice(request as RequestOf<'devices.answer'>);
      case 'history.page':
        return this.historyPage(request as HistoryQuery);
      case 'history.status':
        return this.historyStatus;
      case 'history.sync':
        return this.syncHistory();
      case 'history.exportCsv':
        return this.exportHistory(request as HistoryQuery);
      case 'history.setNote':
        return this.setHistoryNote(request as RequestOf<'history.setNote'>);
      case 'history.sources':
        return { explorers: this.settings.historyExplorers, etherscanKey: this.etherscanKey !== null };
      case 'history.setEtherscanKey':
        // Main's router trims the key before the service stores it.
        this.etherscanKey = (request as RequestOf<'history.setEtherscanKey'>).key?.trim() ?? null;
        return null;
      case 'signing.message': {
        const { accountId, message } = request as RequestOf<'signing.message'>;
        return this.sign('signing.message', accountId, 'message', [{ label: 'Message', value: message }]);
      }
      case 'tx.review':
        return this.review('tx.review', request as RequestOf<'tx.review'>);
      case 'tx.send':
        return this.sendTx(request as RequestOf<'tx.send'>);
      case 'tx.list':
        return [...this.outgoing];
      case 'tx.speedUp':
        return this.replaceTx('tx.speedUp', (request as RequestOf<'tx.speedUp'>).id, 'speed-up');
      case 'tx.cancel':
        return this.replaceTx('tx.cancel', (request as RequestOf<'tx.cancel'>).id, 'cancel');
      case 'approvals.list': {
        const { accountId, chainId } = request as RequestOf<'approvals.list'>;
        const account = this.accounts.find((a) => a.id === accountId);
        return this.allowances.filter(
          (a) => a.chainId === chainId && a.owner.toLowerCase() === account?.address.toLowerCase(),
        );
      }
      case 'approvals.revoke':
        return this.revoke(request as RequestOf<'approvals.revoke'>);
      case 'signing.cancel':
        return this.cancelPhoneRequest((request as RequestOf<'signing.cancel'>).id);
      case 'signing.retry':
        return this.retryPhoneRequest((request as RequestOf<'signing.retry'>).id);
      case 'pairing.status':
        return this.pairing;
      case 'pairing.start':
        return this.startPairing();
      case 'pairing.confirm':
        return this.confirmPairing(request as RequestOf<'pairing.confirm'>);
      case 'pairing.cancel':
        return this.updatePairing({ attempt: null });
      case 'pairing.revoke': {
        const { fingerprint } = request as RequestOf<'pairing.revoke'>;
        return this.updatePairing({
          phones: this.pairing.phones.filter((p) => p.fingerprint !== fingerprint),
        });
      }
      case 'pairing.setRelay': {
        const { host, port } = request as RequestOf<'pairing.setRelay'>;
        const relay = { ...this.pairing.relay, host, port, url: `http://${host}:${port}/`, error: null };
        return this.updatePairing({ relay: { ...relay, running: true } });
      }
      case 'names.list':
        return this.names;
      case 'labels.set':
        return this.setLabel(request as RequestOf<'labels.set'>);
      case 'labels.remove':
        return this.removeName('labels.remove', 'labels', request as NameRef);
      case 'contacts.set':
        return this.setContact(request as RequestOf<'contacts.set'>);
      case 'contacts.remove':
        return this.removeName('contacts.remove', 'contacts', request as NameRef);
      case 'sync.status':
        return this.sync;
      case 'sync.setFolder':
        return this.setSyncFolder((request as RequestOf<'sync.setFolder'>).path);
      case 'sync.setCollections':
        return this.updateSync({
          collections: { ...this.sync.collections, ...(request as RequestOf<'sync.setCollections'>) },
        });
      case 'sync.now':
        return this.syncNow();
      case 'sync.invite':
        return this.inviteDesktop();
      case 'sync.join':
        return this.joinGroup((request as RequestOf<'sync.join'>).code);
      case 'sync.removeDevice':
        return this.removeSyncDevice((request as RequestOf<'sync.removeDevice'>).id);
      case 'signing.typedData': {
        const { accountId, typedData } = request as RequestOf<'signing.typedData'>;
        return this.sign('signing.typedData', accountId, 'typed-data', [
          { label: 'Type', value: typedData.primaryType },
        ]);
      }
    }
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

  /** A phone scanned the QR code and finished the handshake: both screens now show `code`. */
  phoneHandshake(phoneName: string, code: string): PairingView {
    return this.updateAttempt({ state: 'confirming', phoneName, code });
  }

  /** The user tapped "Codes match" on the phone. */
  phoneConfirms(): PairingView {
    return this.settleAttempt({ phoneConfirmed: true });
  }

  /** Labels or contacts changed, here or on another device of the sync group: pushed whole, as main does. */
  pushNames(change: Partial<NamesView>): NamesView {
    this.names = { ...this.names, ...change };
    this.emit('names.changed', this.names);
    return this.names;
  }

  /** A change to sync made by main on its own (a device falling behind, a blob refused), pushed. */
  updateSync(change: Partial<SyncView>): SyncView {
    this.sync = { ...this.sync, ...change };
    this.emit('sync.changed', this.sync);
    return this.sync;
  }

  /** Like main: a label is unique per (address, chain); a contract label must name its chain. */
  private setLabel(label: LabelView): LabelView {
    this.checkName('labels.set', label);
    if (label.kind === 'contract' && label.chainId === null) {
      throw new ApiCallError('labels.set', {
        code: 'invalid_request',
        message: 'A contract exists on one network: choose the network this label is for.',
      });
    }
    const stored = { ...label, name: label.name.trim() };
    this.pushNames({ labels: upsertName(this.names.labels, stored) });
    return stored;
  }

  private setContact(contact: ContactView): ContactView {
    this.checkName('contacts.set', contact);
    const stored = { ...contact, name: contact.name.trim() };
    this.pushNames({ contacts: upsertName(this.names.contacts, stored) });
    return stored;
  }

  /** What main's router refuses before the service sees it, in the same words a user would read. */
  private checkName(channel: Channel, name: { address: string; name: string }): void {
    if (!/^0x[0-9a-fA-F]{40}$/.test(name.address)) {
      throw new ApiCallError(channel, {
        code: 'invalid_request',
        message: `"${name.address}" is not an Ethereum address.`,
      });
    }
    if (!name.name.trim()) {
      throw new ApiCallError(channel, { code: 'invalid_request', message: 'A name cannot be empty.' });
    }
  }

  private removeName(channel: Channel, list: keyof NamesView, ref: NameRef): null {
    const kept = (this.names[list] as NameRef[]).filter((entry) => !sameName(entry, ref));
    if (kept.length === this.names[list].length) {
      throw new ApiCallError(channel, { code: 'not_found', message: 'No such name.' });
    }
    this.pushNames({ [list]: kept });
    return null;
  }

  /** Like main: a folder is used at once, so it has synced by the time the call answers. */
  private setSyncFolder(path: string | null): SyncView {
    const trimmed = path?.trim() ?? null;
    return this.updateSync({
      folder: { path: trimmed || null, lastSyncAt: trimmed ? Date.now() : null, error: null },
    });
  }

  /** Like main: every transport at once; the devices that are fine have just synced. */
  private syncNow(): SyncView {
    const now = Date.now();
    return this.updateSync({
      devices: this.sync.devices.map((d) => (d.self || d.state !== 'ok' ? d : { ...d, lastSyncAt: now })),
      folder: this.sync.folder.path ? { ...this.sync.folder, lastSyncAt: now } : this.sync.folder,
    });
  }

  /** Like main: a new one-time code, ten minutes long, replacing any earlier one. */
  private inviteDesktop(): SyncInvite {
    this.syncInvite = {
      code: `K7PX29QFM4TD8WZ${++this.inviteCount}`,
      expiresAt: Date.now() + 10 * 60_000,
    };
    return this.syncInvite;
  }

  /** Like main: this desktop takes the group's roster and key; a code it cannot read is refused. */
  private joinGroup(code: string): SyncView {
    if (!/^[A-Z0-9]{16}$/.test(code.replace(/[\s-]/g, ''))) {
      throw new ApiCallError('sync.join', {
        code: 'invalid_request',
        message: 'That is not an invite code: check it against the other desktop.',
      });
    }
    const self = this.sync.devices.find((d) => d.self);
    const inviter = syncDevice('Office desktop', { lastSyncAt: Date.now() });
    return this.updateSync({ devices: [...(self ? [self] : []), inviter], epoch: this.sync.epoch + 1 });
  }

  /** Like main: a desktop leaves the group and the key is rotated; phones leave through pairing.revoke. */
  private removeSyncDevice(id: string): SyncView {
    const device = this.sync.devices.find((d) => d.id === id);
    if (!device || device.self || device.kind !== 'desktop') {
      throw new ApiCallError('sync.removeDevice', {
        code: 'not_found',
        message: 'No other desktop with this id is in the sync group.',
      });
    }
    return this.updateSync({
      devices: this.sync.devices.filter((d) => d.id !== id),
      epoch: this.sync.epoch + 1,
    });
  }

  /** A phone's request as main queues it: pushed, and kept for cancel and retry. */
  askPhone(request: SigningRequestView): void {
    this.phoneRequests.set(request.id, request);
    this.emit('signing.request', request);
  }

  /** Like main: the phone is paired once both sides confirmed the code, in either order. */
  private settleAttempt(change: Partial<PairingAttempt>): PairingView {
    const { attempt } = this.updateAttempt(change);
    if (!attempt?.phoneConfirmed || !attempt.desktopConfirmed) return this.pairing;
    const now = Date.now();
    const phone = pairedPhone(attempt.phoneName ?? 'Phone', { pairedAt: now, lastSeenAt: now });
    return this.updatePairing({
      attempt: { ...attempt, state: 'paired' },
      phones: [...this.pairing.phones, phone],
    });
  }

  /** Like main: a new single-use code, two minutes long, replacing any earlier one. */
  private startPairing(): PairingView {
    const id = `attempt-${++this.attemptCount}`;
    return this.updatePairing({
      attempt: {
        id,
        url: `http://192.168.1.20:8787/#AQ${id}`,
        expiresAt: Date.now() + 120_000,
        state: 'waiting',
        code: null,
        phoneName: null,
        phoneConfirmed: false,
        desktopConfirmed: false,
        error: null,
      },
    });
  }

  private confirmPairing({ id, matches }: RequestOf<'pairing.confirm'>): PairingView {
    const attempt = this.pairing.attempt;
    if (attempt?.id !== id || attempt.state !== 'confirming') {
      throw new ApiCallError('pairing.confirm', {
        code: 'conflict',
        message: 'This pairing is no longer waiting for a confirmation.',
      });
    }
    if (!matches) {
      return this.updateAttempt({
        state: 'failed',
        error: 'The codes did not match, so nothing was paired. Someone else may have scanned the code.',
      });
    }
    return this.settleAttempt({ desktopConfirmed: true });
  }

  private phoneRequest(channel: Channel, id: string): SigningRequestView {
    const request = this.phoneRequests.get(id);
    if (!request) throw new ApiCallError(channel, { code: 'not_found', message: 'No such request.' });
    return request;
  }

  /** Like main: the request ends as failed, and its caller hears it was cancelled. */
  private cancelPhoneRequest(id: string): null {
    const request = this.phoneRequest('signing.cancel', id);
    this.phoneRequests.delete(id);
    const error = { state: 'rejected' as const, message: 'You cancelled the request.', remedy: null };
    this.emit('signing.request', { ...request, status: 'failed', error });
    return null;
  }

  /** Like main: an expired request goes out again under the same id, with a new five-minute deadline. */
  private retryPhoneRequest(id: string): null {
    const request = this.phoneRequest('signing.retry', id);
    if (request.status !== 'expired') {
      throw new ApiCallError('signing.retry', { code: 'conflict', message: 'This request has not expired.' });
    }
    const again = { ...request, status: 'waiting_for_phone' as const, expiresAt: Date.now() + 5 * 60_000 };
    this.askPhone(again);
    return null;
  }

  /**
   * A transaction moving on chain, as main's tracker reports it: the whole list is pushed again. An included
   * revoke removes its allowance, as the next read of the chain would.
   */
  settleTx(id: number, change: Partial<OutgoingView>): void {
    this.outgoing = this.outgoing.map((tx) =>
      tx.id === id ? { ...tx, ...change, updatedAt: ++this.txClock } : tx,
    );
    const revoked = this.revokes.get(id);
    const tx = this.outgoing.find((t) => t.id === id);
    if (revoked && tx?.status === 'included') {
      this.allowances = this.allowances.filter(
        (a) =>
          !(
            a.chainId === tx.chainId &&
            a.owner.toLowerCase() === tx.from.toLowerCase() &&
            a.token.toLowerCase() === revoked.token.toLowerCase() &&
            a.spender.toLowerCase() === revoked.spender.toLowerCase()
          ),
      );
    }
    this.emit('tx.changed', [...this.outgoing]);
  }

  /** Like main: resolves the recipient, prices three speeds, and says who signs or why nobody can. */
  private review(channel: Channel, draft: RequestOf<'tx.review'>): SendReview {
    const account = this.accounts.find((a) => a.id === draft.accountId);
    if (!account) throw new ApiCallError(channel, { code: 'not_found', message: 'No such account.' });
    const chain = this.chains.find((c) => c.id === draft.chainId);
    if (!chain) throw new ApiCallError(channel, { code: 'not_found', message: 'No such network.' });
    const to = this.resolveRecipient(channel, draft.to.trim());
    const native = draft.asset === 'native';
    const token = native
      ? null
      : this.portfolio.tokens.find(
          (t) => t.chainId === draft.chainId && t.address.toLowerCase() === String(draft.asset).toLowerCase(),
        );
    if (!native && !token) {
      throw new ApiCallError(channel, {
        code: 'not_found',
        message: 'This token is not known on this network.',
      });
    }
    const decimals = token ? token.decimals : chain.nativeCurrency.decimals;
    const amount = toBaseUnits(draft.amount, decimals);
    const gasLimit = native ? 21_000n : 65_000n;
    const fee = (gwei: bigint, tipGwei: bigint): FeeOption => ({
      maxFeePerGas: (gwei * 2n * 10n ** 9n).toString(),
      maxPriorityFeePerGas: (tipGwei * 10n ** 9n).toString(),
      gasPrice: null,
      likely: (gwei * 10n ** 9n * gasLimit).toString(),
      max: (gwei * 2n * 10n ** 9n * gasLimit).toString(),
    });
    const speed = draft.speed ?? 'normal';
    const custom =
      speed === 'custom' && draft.custom
        ? fee(
            BigInt(Math.ceil(Number(draft.custom.maxFeeGwei))),
            BigInt(Math.ceil(Number(draft.custom.priorityFeeGwei ?? '2'))),
          )
        : null;
    const fees = { slow: fee(10n, 1n), normal: fee(20n, 2n), fast: fee(40n, 4n), custom };
    const chosen = speed === 'custom' ? custom : fees[speed];
    if (!chosen) {
      throw new ApiCallError('tx.review', {
        code: 'invalid_request',
        message: 'A custom fee needs a max fee in gwei.',
      });
    }
    const totalMax = BigInt(chosen.max) + (native ? amount : 0n);
    const device = this.devices.find((d) => d.fingerprint === account.deviceFingerprint);
    const warnings: SendReview['warnings'] = [...(this.recipientWarnings[to.address.toLowerCase()] ?? [])];
    const lower = to.address.toLowerCase();
    if (lower === account.address.toLowerCase()) {
      warnings.push({ code: 'self', message: 'This sends to the account it comes from.' });
    } else if (!this.outgoing.some((tx) => tx.to?.toLowerCase() === lower)) {
      warnings.push({ code: 'first-time', message: 'You have never sent to this address before.' });
    }
    if (token && token.address.toLowerCase() === lower) {
      warnings.push({
        code: 'token-contract',
        message: `This is the ${token.symbol} contract itself: tokens sent to it are lost.`,
      });
    }
    const symbol = token ? token.symbol : chain.nativeCurrency.symbol;
    const watch = account.signer === 'watch' || !device;
    return {
      chainId: chain.id,
      from: { accountId: account.id, address: account.address, label: account.label },
      to,
      asset: { token: token ? token.address : null, symbol, decimals },
      amount: amount.toString(),
      nonce: this.outgoing.filter((tx) => tx.from === account.address && tx.chainId === chain.id).length,
      gasLimit: gasLimit.toString(),
      fees,
      speed,
      nativeSymbol: chain.nativeCurrency.symbol,
      totalMax: totalMax.toString(),
      signer: watch
        ? null
        : {
            kind: device.kind,
            label: device.label,
            fingerprint: device.fingerprint ?? '',
            screen: [
              { label: 'Amount', value: `${symbol} ${draft.amount}` },
              { label: 'Address', value: to.address },
              { label: 'Network', value: chain.name },
              { label: 'Max fees', value: `${chain.nativeCurrency.symbol} ${chosen.max}` },
            ],
          },
      cannotSign: watch ? 'This is a watch-only address: the wallet holds no key for it.' : null,
      warnings,
    };
  }

  private resolveRecipient(channel: Channel, to: string): SendReview['to'] {
    if (/^0x[0-9a-fA-F]{40}$/.test(to)) {
      const known = this.accounts.find((a) => a.address.toLowerCase() === to.toLowerCase());
      return { address: to, resolvedFrom: 'address', label: known?.label || null };
    }
    const booked = this.addressBook[to.toLowerCase()];
    if (booked) return { address: booked, resolvedFrom: 'address-book', label: to };
    const labelled = this.accounts.find((a) => a.label && a.label.toLowerCase() === to.toLowerCase());
    if (labelled) return { address: labelled.address, resolvedFrom: 'label', label: labelled.label };
    throw new ApiCallError(channel, {
      code: 'invalid_request',
      message: `"${to}" is not an address, and no contact or label has that name.`,
    });
  }

  private nextTx(fields: Omit<OutgoingView, 'id' | 'hash' | 'createdAt' | 'updatedAt'>): OutgoingView {
    const id = Math.max(0, ...this.outgoing.map((tx) => tx.id)) + 1;
    const at = ++this.txClock;
    const tx = {
      ...fields,
      id,
      hash: `0x${id.toString(16).padStart(64, 'e')}`,
      createdAt: at,
      updatedAt: at,
    };
    this.outgoing = [...this.outgoing, tx];
    return tx;
  }

  /** Like main: the review again, signed on the device, broadcast, then pending. */
  private async sendTx(draft: RequestOf<'tx.send'>): Promise<OutgoingView> {
    const review = this.review('tx.send', draft);
    await this.askDevice('tx.send', draft.accountId, 'transaction', review.signer?.screen ?? []);
    const tx = this.nextTx({
      chainId: review.chainId,
      from: review.from.address,
      nonce: review.nonce,
      purpose: 'send',
      replaces: null,
      status: 'pending',
      blockNumber: null,
      confirmations: null,
      reason: null,
      to: review.asset.token ?? review.to.address,
      value: review.asset.token ? '0' : review.amount,
    });
    this.emit('tx.changed', [...this.outgoing]);
    return tx;
  }

  /** Like main: same nonce, higher fee, signed again; the original is replaced by it. */
  private async replaceTx(
    channel: Channel,
    id: number,
    purpose: 'speed-up' | 'cancel',
  ): Promise<OutgoingView> {
    const original = this.outgoing.find((tx) => tx.id === id);
    if (!original) throw new ApiCallError(channel, { code: 'not_found', message: 'No such transaction.' });
    if (original.status !== 'pending') {
      throw new ApiCallError(channel, {
        code: 'conflict',
        message: 'This transaction is no longer pending.',
      });
    }
    const account = this.accounts.find((a) => a.address.toLowerCase() === original.from.toLowerCase());
    await this.askDevice(channel, account?.id ?? 0, 'transaction', [
      { label: 'Nonce', value: String(original.nonce) },
    ]);
    const tx = this.nextTx({
      ...original,
      purpose,
      replaces: original.id,
      status: 'pending',
      to: purpose === 'cancel' ? original.from : original.to,
      value: purpose === 'cancel' ? '0' : original.value,
    });
    this.outgoing = this.outgoing.map((t) => (t.id === id ? { ...t, status: 'replaced' as const } : t));
    this.emit('tx.changed', [...this.outgoing]);
    return tx;
  }

  /** Like main: one approve(spender, 0) per allowance, each signed on the device in turn. */
  private async revoke({
    accountId,
    chainId,
    allowances,
  }: RequestOf<'approvals.revoke'>): Promise<OutgoingView[]> {
    const account = this.accounts.find((a) => a.id === accountId);
    const sent: OutgoingView[] = [];
    for (const { token, spender } of allowances) {
      await this.askDevice('approvals.revoke', accountId, 'transaction', [
        { label: 'Revoke', value: spender },
      ]);
      const tx = this.nextTx({
        chainId,
        from: account?.address ?? '',
        nonce: this.outgoing.filter((t) => t.from === account?.address && t.chainId === chainId).length,
        purpose: 'revoke',
        replaces: null,
        status: 'pending',
        blockNumber: null,
        confirmations: null,
        reason: null,
        to: token,
        value: '0',
      });
      this.revokes.set(tx.id, { token, spender });
      sent.push(tx);
      this.emit('tx.changed', [...this.outgoing]);
    }
    return sent;
  }

  /** Like main: each device with how many of this wallet's accounts it signs for. */
  private listDevices(): DeviceView[] {
    return this.devices.map((device) => ({
      ...device,
      accounts: this.accounts.filter((a) => a.deviceFingerprint === device.fingerprint).length,
    }));
  }

  private connectedDevice(channel: Channel, deviceId: string): DeviceView {
    const device = this.devices.find((d) => d.id === deviceId);
    if (!device?.connected || device.state !== 'ready') {
      throw new ApiCallError(channel, {
        code: 'device_unavailable',
        message: device ? device.message : 'The device is not connected.',
      });
    }
    return device;
  }

  /** Ledger Live's rule without `all`: the used accounts, then the first unused one. */
  private discover({ deviceId, scheme, start, count, all }: RequestOf<'devices.discover'>): DiscoveryPage {
    const device = this.connectedDevice('devices.discover', deviceId);
    const fingerprint = device.fingerprint ?? '';
    const accounts: DiscoveredAccount[] = [];
    for (let index = start; index < start + count; index++) {
      const address = derivedAddress(fingerprint, scheme, index);
      const used = this.usedIndexes[scheme].includes(index);
      const added = this.accounts.find((a) => a.address.toLowerCase() === address.toLowerCase());
      accounts.push({
        scheme,
        index,
        path: schemePath(scheme, index),
        address,
        used,
        balances: used ? [{ chainId: 1, amount: String((BigInt(index) + 1n) * 10n ** 17n) }] : [],
        unreadChains: [],
        accountId: added?.id ?? null,
      });
      if (!all && !used) break;
    }
    return { accounts, next: start + accounts.length };
  }

  private addDeviceAccounts({ deviceId, accounts }: RequestOf<'devices.addAccounts'>): AccountView[] {
    const device = this.connectedDevice('devices.addAccounts', deviceId);
    const nextId = () => Math.max(0, ...this.accounts.map((a) => a.id)) + 1;
    const added = accounts.map(({ scheme, index, label = '' }) => {
      const account = deviceAccount(nextId(), device, scheme, index, label.trim());
      this.accounts = [...this.accounts, account];
      return account;
    });
    this.emit('accounts.changed', this.accounts);
    this.emit('devices.changed', this.listDevices());
    return added;
  }

  private removeAccount(accountId: number): null {
    if (!this.accounts.some((a) => a.id === accountId)) {
      throw new ApiCallError('accounts.remove', { code: 'not_found', message: 'No such account.' });
    }
    this.accounts = this.accounts.filter((a) => a.id !== accountId);
    this.emit('accounts.changed', this.accounts);
    this.emit('devices.changed', this.listDevices());
    return null;
  }

  private forget(fingerprint: string): null {
    this.accounts = this.accounts.filter((a) => a.deviceFingerprint !== fingerprint);
    this.devices = this.devices.filter((d) => d.fingerprint !== fingerprint);
    this.emit('accounts.changed', this.accounts);
    this.emit('devices.changed', this.listDevices());
    return null;
  }

  private answerDevice(answer: RequestOf<'devices.answer'>): null {
    this.deviceAnswers.push(answer);
    const device = this.devices.find((d) => d.id === answer.deviceId);
    if (device) this.setDevice(device.id, { state: 'ready', message: 'Ready.', remedy: null });
    return null;
  }

  /** Like main: a rejection on the device is an answer (not confirmed), not a failure of the call. */
  private async verifyAddress(accountId: number) {
    const account = this.accounts.find((a) => a.id === accountId);
    const path = [{ label: 'Path', value: account?.derivationPath ?? '' }];
    try {
      await this.askDevice('devices.verifyAddress', accountId, 'verify-address', path);
      return { address: account?.address, confirmed: true };
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'device_rejected') {
        return { address: account?.address, confirmed: false };
      }
      throw error;
    }
  }

  private async sign(
    channel: Channel,
    accountId: number,
    action: SigningRequestView['action'],
    check: SigningRequestView['check'],
  ): Promise<SignatureResult> {
    const { account, device } = await this.askDevice(channel, accountId, action, check);
    return {
      signature: `0x${'ab'.repeat(64)}1b`,
      address: account.address,
      signer: { kind: device.kind, label: device.label, fingerprint: device.fingerprint ?? '' },
      mode: 'clear',
      signedAt: 1_700_000_500_000,
    };
  }

  /** Like main: filters, then a keyset page newest first; the cursor is the last entry's (timestamp, id). */
  private historyPage(query: HistoryQuery): HistoryPage {
    const limit = query.limit ?? 50;
    const [afterTime, afterId] = query.after ? query.after.split(':').map(Number) : [Infinity, Infinity];
    const older = (e: HistoryEntryView) =>
      e.timestamp < (afterTime ?? Infinity) || (e.timestamp === afterTime && e.id < (afterId ?? Infinity));
    const entries = this.matchingHistory(query)
      .filter(older)
      .slice(0, limit + 1);
    const page = entries.slice(0, limit);
    const last = page[page.length - 1];
    return { entries: page, next: entries.length > limit && last ? `${last.timestamp}:${last.id}` : null };
  }

  private matchingHistory(query: HistoryQuery): HistoryEntryView[] {
    const lower = (value: string | null | undefined) => value?.toLowerCase() ?? '';
    const accounts = query.accounts?.map(lower);
    const search = lower(query.search?.trim());
    const matchesSearch = (e: HistoryEntryView) => {
      const addresses = [
        e.from,
        e.to,
        e.account,
        e.approval?.spender,
        ...e.assets.map((a) => a.counterparty),
      ];
      if (/^0x[0-9a-f]{64}$/.test(search))
        return [e.hash, e.bridge?.destinationHash].map(lower).includes(search);
      if (/^0x[0-9a-f]{40}$/.test(search)) return addresses.map(lower).includes(search);
      return [e.toLabel, e.approval?.spenderLabel, e.method, e.note].some((label) =>
        lower(label).includes(search),
      );
    };
    const token = lower(query.token);
    const matchesToken = (e: HistoryEntryView) =>
      token === 'native'
        ? e.assets.some((a) => a.standard === 'native')
        : e.assets.some((a) => lower(a.token) === token) || lower(e.approval?.token) === token;
    return this.history
      .filter(
        (e) =>
          (!query.chainIds?.length || query.chainIds.includes(e.chainId)) &&
          (!accounts?.length || accounts.includes(lower(e.account))) &&
          (!query.kinds?.length || query.kinds.includes(e.kind)) &&
          (!token || matchesToken(e)) &&
          (!search || matchesSearch(e)),
      )
      .sort((a, b) => b.timestamp - a.timestamp || b.id - a.id);
  }

  /** Like main: one note per (chain, hash), on every account's entry of it; blank removes it. */
  private setHistoryNote({ chainId, hash, note }: RequestOf<'history.setNote'>): null {
    const text = note.trim() || null;
    this.history = this.history.map((e) =>
      e.chainId === chainId && e.hash === hash ? { ...e, note: text } : e,
    );
    this.emit('history.changed', { chainIds: [chainId] });
    return null;
  }

  /** Like main: one progress event per chain as it finishes, then every chain's state. */
  private syncHistory(): HistorySyncState[] {
    this.historyStatus = this.historyStatus.map((chain) => {
      const synced = { ...chain, state: 'synced' as const, indexedBlock: chain.headBlock, message: null };
      this.emit('history.progress', synced);
      return synced;
    });
    return this.historyStatus;
  }

  private exportHistory(query: HistoryQuery) {
    const rows = this.matchingHistory(query).map((e) => [e.chainId, e.hash, e.kind, e.status].join(','));
    return {
      fileName: 'ledgerline-history-2030-01-02.csv',
      contents: ['chain,hash,kind,status', ...rows].join('\n'),
    };
  }

  /** Like main's signing queue: a request goes queued → awaiting_confirmation → done | failed, pushed each time. */
  private async askDevice(
    channel: Channel,
    accountId: number,
    action: SigningRequestView['action'],
    check: SigningRequestView['check'],
  ) {
    const account = this.accounts.find((a) => a.id === accountId);
    if (!account) throw new ApiCallError(channel, { code: 'not_found', message: 'No such account.' });
    const device = this.devices.find((d) => d.fingerprint === account.deviceFingerprint);
    if (account.signer === 'watch' || !device) {
      throw new ApiCallError(channel, {
        code: 'cannot_sign',
        message: 'This is a watch-only address: the wallet holds no key for it.',
      });
    }
    const view: SigningRequestView = {
      id: `request-${++this.requestCount}`,
      action,
      account: { id: account.id, address: account.address, label: account.label },
      signer: {
        kind: device.kind,
        label: device.label,
        fingerprint: device.fingerprint ?? '',
        model: device.model,
      },
      check: [{ label: 'Address', value: account.address }, ...check],
      blind: false,
      status: 'queued',
      expiresAt: null,
      error: null,
      startedAt: 1_700_000_400_000,
    };
    this.emit('signing.request', view);
    if (!device.connected || device.state !== 'ready') {
      const error = { state: device.state, message: device.message, remedy: device.remedy };
      this.emit('signing.request', { ...view, status: 'failed', error });
      throw new ApiCallError(channel, { code: 'device_unavailable', message: device.message });
    }
    this.emit('signing.request', { ...view, status: 'awaiting_confirmation' });
    await this.deviceGate;
    if (this.deviceResponse === 'reject') {
      const error = {
        state: 'rejected' as const,
        message: 'You rejected the request on the device.',
        remedy: null,
      };
      this.emit('signing.request', { ...view, status: 'failed', error });
      throw new ApiCallError(channel, { code: 'device_rejected', message: error.message });
    }
    this.emit('signing.request', { ...view, status: 'done' });
    return { account, device };
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

function sameName(a: NameRef, b: NameRef): boolean {
  return a.address.toLowerCase() === b.address.toLowerCase() && a.chainId === b.chainId;
}

/** Replaces the entry with the same (address, chain), or adds it at the end. */
function upsertName<T extends NameRef>(list: T[], entry: T): T[] {
  return list.some((e) => sameName(e, entry))
    ? list.map((e) => (sameName(e, entry) ? entry : e))
    : [...list, entry];
}

/** "0.5" with 18 decimals → 500000000000000000n, in bigint so no float rounds it. */
function toBaseUnits(amount: string, decimals: number): bigint {
  const [whole = '0', fraction = ''] = amount.trim().split('.');
  return BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
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
