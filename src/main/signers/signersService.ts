import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { formatEther, toUtf8Bytes, TypedDataEncoder } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import { findChain } from '../../shared/chains/registry';
import type {
  AddDeviceAccounts,
  DeviceState,
  DeviceView,
  DiscoverAccounts,
  DiscoveryPage,
  HardwareKind,
  SignatureResult,
  SigningKind,
  SigningRequestView,
  SignTypedData,
  VerifiedAddress,
} from '../../shared/devices';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import type { Account } from '../store/accountsRepository';
import type { Repositories } from '../store/repositories';
import type { SignatureKind } from '../store/signaturesRepository';
import { AccountDiscovery, type ActivityReader } from './accountDiscovery';
import { FINGERPRINT_PATH, SCHEMES, seedFingerprint } from './derivation';
import { DeviceError } from './deviceError';
import { DeviceQueue } from './deviceQueue';
import type { ConnectedDevice, DeviceProbe, DeviceSource } from './deviceSource';
import { describeState } from './deviceStates';
import type { SignatureParts, Signer, TypedData, UnsignedTransaction } from './signer';
import {
  type CheckedSignature,
  type CheckedTransaction,
  checkPersonalSignature,
  checkTransaction,
  checkTypedDataSignature,
  typedDataDigest,
} from './signatureCheck';
import { cannotSign } from './watchOnlySigner';

export interface SignersServiceOptions {
  db: Database;
  repositories: Pick<Repositories, 'accounts' | 'devices' | 'signatures'>;
  sources: readonly DeviceSource[];
  /** Nonces and native balances on the enabled chains, for discovery's used/unused mark. */
  activity: ActivityReader;
  events: EventHub;
  log: Logger;
  /** Called after accounts are added or removed, e.g. to read their balances. */
  onAccountsChanged?: () => void;
  /** How often a device that is locked or in the wrong app is asked again (2 s by default; 0 never). */
  recheckMs?: number;
  /** Where a paired phone's requests go; without it, phone accounts cannot sign. */
  phones?: PhoneGateway;
  now?: () => number;
}

/** The pairing service, as the signers see it: it carries a request to the phone and back. */
export interface PhoneGateway {
  signTransaction(
    request: { id: string; fingerprint: string; transaction: UnsignedTransaction },
    onStatus: (status: 'waiting_for_phone' | 'awaiting_confirmation' | 'expired', expiresAt: number) => void,
  ): Promise<SignatureParts>;
}

interface LiveDevice {
  id: string;
  kind: HardwareKind;
  source: DeviceSource;
  /** Null while the device is seen but cannot be opened. */
  device: ConnectedDevice | null;
  discovery: AccountDiscovery | null;
  probe: DeviceProbe | null;
  fingerprint: string | null;
  state: DeviceState;
  message: string;
  remedy: string | null;
  updatedAt: number;
}

/** States in which a device cannot take a request until the user does something on it or to it. */
const BLOCKING: ReadonlySet<DeviceState> = new Set([
  'disconnected',
  'locked',
  'app_closed',
  'wrong_app',
  'outdated_app',
  'access_denied',
  'pin_requested',
  'passphrase_requested',
]);

/** States a device leaves on its own once the user acts on it, so it is asked again until it is ready. */
const RECHECKED: ReadonlySet<DeviceState> = new Set(['locked', 'app_closed', 'wrong_app', 'busy', 'error']);

const KIND_NAMES: Record<HardwareKind, string> = { ledger: 'Ledger', trezor: 'Trezor' };

/**
 * The hardware signers of the wallet: which devices are plugged in and what they are doing, discovery and
 * adding of their accounts, and every signing request, queued per device, checked against the account's
 * address and recorded with the device and time it came from.
 */
export class SignersService {
  private readonly live = new Map<string, LiveDevice>();
  private readonly queue = new DeviceQueue();
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SignersServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    await Promise.all(
      this.options.sources.map((source) =>
        source.start({
          attached: (device) => this.attach(source, device),
          detached: (id) => this.detach(id),
          activity: (id, { state, detail }) =>
            this.update(id, state, describeState(source.kind, state, detail)),
          unavailable: (id, kind, { state, detail }) => {
            const text = describeState(kind, state, detail);
            this.live.set(id, this.entry(id, kind, source, null, state, text.message, detail ?? text.remedy));
            this.changed();
          },
        }),
      ),
    );
    const recheckMs = this.options.recheckMs ?? 2_000;
    if (recheckMs > 0) {
      this.timer = setInterval(() => this.recheck(), recheckMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.options.sources.map((source) => source.stop()));
    this.live.clear();
  }

  /** Plugged-in devices first, then the ones this wallet knows that are not connected now. */
  list(): DeviceView[] {
    const accounts = this.options.repositories.accounts.list();
    const countFor = (fingerprint: string | null) =>
      fingerprint ? accounts.filter((account) => account.deviceFingerprint === fingerprint).length : 0;
    const views: DeviceView[] = [...this.live.values()].map((live) => ({
      id: live.id,
      kind: live.kind,
      model: live.device?.model ?? null,
      label: this.labelOf(live),
      fingerprint: live.fingerprint,
      connected: true,
      state: live.state,
      message: live.message,
      remedy: live.remedy,
      app: live.probe?.app ?? null,
      blindSigning: live.probe?.blindSigning ?? null,
      accounts: countFor(live.fingerprint),
      updatedAt: live.updatedAt,
    }));
    const present = new Set(views.map((view) => view.fingerprint));
    for (const stored of this.options.repositories.devices.list()) {
      if (stored.kind === 'phone' || present.has(stored.fingerprint)) continue;
      const text = describeState(stored.kind, 'disconnected');
      views.push({
        id: `stored:${stored.fingerprint}`,
        kind: stored.kind,
        model: stored.model,
        label: stored.name,
        fingerprint: stored.fingerprint,
        connected: false,
        state: 'disconnected',
        ...text,
        app: null,
        blindSigning: null,
        accounts: countFor(stored.fingerprint),
        updatedAt: stored.lastSeenAt,
      });
    }
    return views;
  }

  async discover(request: DiscoverAccounts): Promise<DiscoveryPage> {
    const live = this.ready(request.deviceId);
    const page = await this.queue.run(live.id, () =>
      this.guard(live, () =>
        (live.discovery as AccountDiscovery).scan({ ...request, all: request.all ?? false }),
      ),
    );
    const added = this.accountsOf(live.fingerprint);
    return {
      next: page.next,
      accounts: page.accounts.map((account) => ({
        ...account,
        accountId: added.find((entry) => entry.derivationPath === account.path)?.id ?? null,
      })),
    };
  }

  /** Reads each address from the device again, so an account is only ever stored with the device's word. */
  async addAccounts({ deviceId, accounts }: AddDeviceAccounts): Promise<Account[]> {
    const live = this.ready(deviceId);
    const discovery = live.discovery as AccountDiscovery;
    const fingerprint = live.fingerprint as string;
    const derived = await this.queue.run(live.id, () =>
      this.guard(live, async () => {
        const rows = [];
        for (const { scheme, index, label = '' } of accounts) {
          if (index < SCHEMES[scheme].firstIndex) {
            throw new ApiError(
              'invalid_request',
              'BIP44 account 0 is Ledger Live account 0: add that one instead.',
            );
          }
          const [address] = await discovery.addresses(scheme, [index]);
          rows.push({
            scheme,
            path: SCHEMES[scheme].path(index),
            address: address as Account['address'],
            label,
          });
        }
        return rows;
      }),
    );
    const added = this.options.repositories.accounts.addMany(
      derived.map(({ scheme, path, address, label }) => ({
        signer: live.kind,
        deviceFingerprint: fingerprint,
        derivationScheme: scheme,
        derivationPath: path,
        address,
        label,
      })),
      this.now(),
    );
    this.accountsChanged();
    return added;
  }

  async verifyAddress(accountId: number): Promise<VerifiedAddress> {
    const account = this.options.repositories.accounts.get(accountId);
    const check = [
      { label: 'Address', value: account.address },
      { label: 'Path', value: account.derivationPath ?? '' },
    ];
    try {
      await this.run(account, 'verify-address', check, false, async (signer, path) => {
        const shown = await signer.showAddress(path);
        if (shown !== account.address) {
          throw new ApiError(
            'signature_mismatch',
            `The device shows ${shown} at ${path}, not ${account.address}. It does not hold this account's seed.`,
          );
        }
      });
      return { address: account.address, confirmed: true };
    } catch (error) {
      if (error instanceof DeviceError && error.state === 'rejected') {
        return { address: account.address, confirmed: false };
      }
      throw error;
    }
  }

  /** Removes a device's accounts and its record, in one transaction; nothing on the device changes. */
  forget(fingerprint: string): void {
    const { accounts, devices } = this.options.repositories;
    const known = devices.get(fingerprint);
    if (!known) throw new ApiError('not_found', 'That device is not known to this wallet.');
    this.options.db.transaction(() => {
      for (const account of this.accountsOf(fingerprint)) accounts.remove(account.id);
      devices.remove(fingerprint);
    })();
    this.accountsChanged();
  }

  removeAccount(accountId: number): void {
    this.options.repositories.accounts.remove(accountId);
    this.accountsChanged();
  }

  answer(deviceId: string, request: 'pin' | 'passphrase', value: string | null): void {
    const live = this.live.get(deviceId);
    const asked = request === 'pin' ? 'pin_requested' : 'passphrase_requested';
    if (!live?.source.answer || live.state !== asked) {
      throw new ApiError(
        'invalid_state',
        `That device is not asking for a ${request === 'pin' ? 'PIN' : 'passphrase'}.`,
      );
    }
    live.source.answer(deviceId, request, value);
    this.update(deviceId, 'awaiting_confirmation', describeState(live.kind, 'awaiting_confirmation'));
  }

  async signMessage(accountId: number, message: string): Promise<SignatureResult> {
    const account = this.options.repositories.accounts.get(accountId);
    const check = [
      { label: 'Message', value: message.length > 200 ? `${message.slice(0, 200)}…` : message },
      { label: 'Account', value: account.address },
    ];
    const bytes = toUtf8Bytes(message);
    return this.run(account, 'message', check, false, async (signer, path, live) => {
      const parts = await signer.signPersonalMessage(path, bytes);
      const checked = checkPersonalSignature(bytes, parts, account.address);
      return this.result(account, live, checked, 'message', null, 'clear');
    });
  }

  async signTypedData({ accountId, chainId, typedData }: SignTypedData): Promise<SignatureResult> {
    const account = this.options.repositories.accounts.get(accountId);
    const data = typedData as TypedData;
    const domainChain = data.domain.chainId;
    if (domainChain !== undefined && String(domainChain) !== String(chainId)) {
      throw new ApiError(
        'chain_mismatch',
        `This request is for chain ${String(domainChain)}, but you are on chain ${chainId}. ` +
          'Switch to its network first if you meant to sign it; nothing was sent to the device.',
      );
    }
    let domainHash: string;
    let messageHash: string;
    try {
      typedDataDigest(data);
      const { EIP712Domain: _domain, ...structs } = data.types;
      domainHash = TypedDataEncoder.hashDomain(data.domain);
      messageHash = TypedDataEncoder.from(structs as Record<string, { name: string; type: string }[]>).hash(
        data.message,
      );
    } catch (error) {
      throw new ApiError('invalid_request', `The typed data cannot be encoded: ${(error as Error).message}`);
    }
    const live = this.deviceFor(account);
    const blind = live ? !live.probe?.clearSignsTypedData : false;
    const check = blind
      ? [
          { label: 'Domain hash', value: domainHash },
          { label: 'Message hash', value: messageHash },
        ]
      : [
          { label: 'Domain', value: String(data.domain.name ?? 'unnamed') },
          { label: 'Chain', value: String(domainChain ?? chainId) },
          { label: 'Contract', value: String(data.domain.verifyingContract ?? 'none') },
          { label: 'Type', value: data.primaryType },
        ];
    return this.run(account, 'typed-data', check, blind, async (signer, path, device) => {
      const { signature, mode } = await signer.signTypedData(path, data);
      const checked = checkTypedDataSignature(data, signature, account.address);
      return this.result(account, device, checked, 'typed-data', chainId, mode);
    });
  }

  /** For the send flow: a signed, checked transaction ready to broadcast, recorded by its hash. */
  async signTransaction(accountId: number, transaction: UnsignedTransaction): Promise<CheckedTransaction> {
    const account = this.options.repositories.accounts.get(accountId);
    const chain = findChain(Number(transaction.chainId));
    // Devices show the coin amount and the chain id; the name is beside the id so both can be compared.
    const check = [
      { label: 'To', value: transaction.to ?? 'New contract' },
      {
        label: 'Amount',
        value: [formatEther(transaction.value), chain?.nativeCurrency.symbol].join(' ').trim(),
      },
      { label: 'Chain', value: chain ? `${chain.name} (${chain.id})` : transaction.chainId.toString() },
      { label: 'Nonce', value: String(transaction.nonce) },
    ];
    if (account.signer === 'phone') return this.signWithPhone(account, transaction, check);
    return this.run(account, 'transaction', check, false, async (signer, path, device) => {
      const parts = await signer.signTransaction(path, transaction);
      const checked = checkTransaction(transaction, parts, account.address);
      this.record(account, device, 'transaction', Number(transaction.chainId), checked.hash);
      return checked;
    });
  }

  /**
   * A phone answers when it can: the request waits while it is offline and past its deadline, until the
   * phone signs, the user cancels, or the user sends it again. Its id is the one the phone sees.
   */
  private async signWithPhone(
    account: Account,
    transaction: UnsignedTransaction,
    check: SigningRequestView['check'],
  ): Promise<CheckedTransaction> {
    const fingerprint = account.deviceFingerprint as string;
    const phones = this.options.phones;
    if (!phones) throw new DeviceError('disconnected', 'Phone signing is not available here.', null);
    const phone = this.options.repositories.devices.get(fingerprint);
    const request: SigningRequestView = {
      id: randomBytes(16).toString('hex'),
      action: 'transaction',
      account: { id: account.id, address: account.address, label: account.label },
      signer: { kind: 'phone', label: phone?.name ?? 'Phone', fingerprint, model: null },
      check,
      blind: false,
      status: 'queued',
      error: null,
      startedAt: this.now(),
      expiresAt: null,
    };
    const publish = (patch: Partial<SigningRequestView>) => {
      Object.assign(request, patch);
      this.options.events.emit('signing.request', request);
    };
    publish({});
    try {
      const parts = await phones.signTransaction(
        { id: request.id, fingerprint, transaction },
        (status, expiresAt) => publish({ status, expiresAt }),
      );
      const checked = checkTransaction(transaction, parts, account.address);
      this.record(
        account,
        { kind: 'phone', fingerprint },
        'transaction',
        Number(transaction.chainId),
        checked.hash,
      );
      publish({ status: 'done' });
      return checked;
    } catch (error) {
      // The user withdrew it from the overlay: there is nothing to report back to them.
      if (error instanceof ApiError && error.code === 'cancelled') publish({ status: 'done' });
      else publish({ status: 'failed', error: failureOf(error) });
      throw error;
    }
  }

  private attach(source: DeviceSource, device: ConnectedDevice): void {
    const previous = this.live.get(device.id);
    const live = this.entry(device.id, device.kind, source, device, 'busy', 'Connecting…', null);
    // A replugged device keeps what was learned about it until it says otherwise.
    live.fingerprint = previous?.fingerprint ?? null;
    live.discovery = new AccountDiscovery(device.signer, this.options.activity);
    this.live.set(device.id, live);
    this.changed();
    void this.identify(live);
  }

  private detach(id: string): void {
    if (this.live.delete(id)) this.changed();
  }

  /** Asks what is open on the device and, once the Ethereum app answers, which seed it holds. */
  private identify(live: LiveDevice): Promise<void> {
    return this.queue.run(live.id, async () => {
      if (this.live.get(live.id) !== live || !live.device || !live.discovery) return;
      try {
        live.probe = await live.device.probe();
        const key = await live.discovery.extendedKey(FINGERPRINT_PATH);
        const fingerprint = seedFingerprint(key);
        const known = this.options.repositories.devices.get(fingerprint);
        if (known && known.kind !== live.kind) {
          throw new DeviceError(
            'error',
            `This ${KIND_NAMES[live.kind]} holds the same seed as “${known.name}” (fingerprint ${fingerprint}), ` +
              'which this wallet already signs with. One seed is one signer here.',
            `Use “${known.name}”, or forget it in Devices first to sign with this ${KIND_NAMES[live.kind]} instead.`,
          );
        }
        live.fingerprint = fingerprint;
        this.options.repositories.devices.recordSeen(
          {
            fingerprint: live.fingerprint,
            kind: live.kind,
            name: live.device.label ?? live.device.model ?? KIND_NAMES[live.kind],
            model: live.device.model,
          },
          this.now(),
        );
        this.update(live.id, 'ready', describeState(live.kind, 'ready'));
      } catch (error) {
        this.fail(live, error);
      }
    });
  }

  private recheck(): void {
    for (const live of this.live.values()) {
      if (RECHECKED.has(live.state) && live.device && this.queue.pending(live.id) === 0)
        void this.identify(live);
    }
  }

  private ready(deviceId: string): LiveDevice {
    const live = this.live.get(deviceId);
    if (!live) {
      throw new DeviceError(
        'disconnected',
        'That device is not connected any more.',
        'Plug it in and try again.',
      );
    }
    // A rejected or refused request says nothing about the next one: only a blocking state stops it.
    if (BLOCKING.has(live.state) || !live.fingerprint || !live.discovery) {
      const state = BLOCKING.has(live.state) ? live.state : 'busy';
      throw new DeviceError(state, live.message, live.remedy);
    }
    return live;
  }

  private deviceFor(account: Account): LiveDevice | undefined {
    return [...this.live.values()].find(
      (live) => live.fingerprint === account.deviceFingerprint && live.kind === account.signer && live.device,
    );
  }

  /**
   * Runs one signing request on the account's device, with the overlay told at every step. A watch-only
   * account goes through the same path so it fails with the same words everywhere.
   */
  private async run<T>(
    account: Account,
    action: SigningRequestView['action'],
    check: SigningRequestView['check'],
    blind: boolean,
    task: (signer: Signer, path: string, live: LiveDevice) => Promise<T>,
  ): Promise<T> {
    const kind = account.signer;
    if (kind === 'watch') throw cannotSign();
    if (kind === 'phone') {
      throw new DeviceError(
        'error',
        'A paired phone signs transactions only in this version; messages and typed data need a Ledger or Trezor.',
        null,
      );
    }
    const live = this.deviceFor(account);
    if (!live?.device) {
      const stored = account.deviceFingerprint
        ? this.options.repositories.devices.get(account.deviceFingerprint)
        : undefined;
      throw new DeviceError(
        'disconnected',
        `Connect ${stored?.name ?? `the ${KIND_NAMES[kind]}`} that holds this account to sign with it.`,
        describeState(kind, 'disconnected').remedy,
      );
    }
    const request: SigningRequestView = {
      id: randomUUID(),
      action,
      account: { id: account.id, address: account.address, label: account.label },
      signer: {
        kind,
        label: this.labelOf(live),
        fingerprint: live.fingerprint as string,
        model: live.device.model,
      },
      check,
      blind,
      status: 'queued',
      error: null,
      startedAt: this.now(),
      expiresAt: null,
    };
    const publish = (patch: Partial<SigningRequestView>) => {
      Object.assign(request, patch);
      this.options.events.emit('signing.request', request);
    };
    publish({});
    const device = live.device;
    try {
      const result = await this.queue.run(live.id, () =>
        this.guard(live, () => {
          publish({ status: 'awaiting_confirmation' });
          this.update(live.id, 'awaiting_confirmation', describeState(kind, 'awaiting_confirmation'));
          return task(device.signer, account.derivationPath as string, live);
        }),
      );
      publish({ status: 'done' });
      this.update(live.id, 'ready', describeState(kind, 'ready'));
      return result;
    } catch (error) {
      publish({ status: 'failed', error: failureOf(error) });
      throw error;
    }
  }

  /** Runs a device task and leaves the device in the state its failure describes. */
  private async guard<T>(live: LiveDevice, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      this.fail(live, error);
      throw error;
    }
  }

  private fail(live: LiveDevice, error: unknown): void {
    if (!this.live.has(live.id)) return;
    if (error instanceof DeviceError) {
      this.update(live.id, error.state, { message: error.message, remedy: error.remedy });
    } else if (!(error instanceof ApiError)) {
      this.options.log.error('device request failed unexpectedly', {
        kind: live.kind,
        error: error instanceof Error ? error.name : typeof error,
      });
      this.update(live.id, 'error', describeState(live.kind, 'error'));
    } else {
      this.update(live.id, 'ready', describeState(live.kind, 'ready'));
    }
  }

  private result(
    account: Account,
    live: LiveDevice,
    checked: CheckedSignature,
    kind: SignatureKind,
    chainId: number | null,
    mode: SignatureResult['mode'],
  ): SignatureResult {
    const signedAt = this.record(account, live, kind, chainId, checked.digest);
    return {
      signature: checked.signature,
      address: account.address,
      signer: { kind: live.kind, label: this.labelOf(live), fingerprint: live.fingerprint as string },
      mode,
      signedAt,
    };
  }

  private record(
    account: Account,
    signer: { kind: SigningKind; fingerprint: string | null },
    kind: SignatureKind,
    chainId: number | null,
    digest: string,
  ) {
    const signedAt = this.now();
    this.options.repositories.signatures.record({
      address: account.address,
      signer: signer.kind,
      deviceFingerprint: signer.fingerprint as string,
      kind,
      chainId,
      digest,
      signedAt,
    });
    return signedAt;
  }

  private update(id: string, state: DeviceState, text: { message: string; remedy: string | null }): void {
    const live = this.live.get(id);
    if (!live) return;
    if (live.state === state && live.message === text.message && live.remedy === text.remedy) return;
    Object.assign(live, { state, ...text, updatedAt: this.now() });
    this.changed();
  }

  private entry(
    id: string,
    kind: HardwareKind,
    source: DeviceSource,
    device: ConnectedDevice | null,
    state: DeviceState,
    message: string,
    remedy: string | null,
  ): LiveDevice {
    return {
      id,
      kind,
      source,
      device,
      discovery: null,
      probe: null,
      fingerprint: null,
      state,
      message,
      remedy,
      updatedAt: this.now(),
    };
  }

  private labelOf(live: LiveDevice): string {
    const stored = live.fingerprint ? this.options.repositories.devices.get(live.fingerprint) : undefined;
    return stored?.name ?? live.device?.label ?? live.device?.model ?? KIND_NAMES[live.kind];
  }

  private accountsOf(fingerprint: string | null): Account[] {
    return this.options.repositories.accounts
      .list()
      .filter((account) => account.deviceFingerprint === fingerprint);
  }

  private accountsChanged(): void {
    this.options.events.emit('accounts.changed', this.options.repositories.accounts.list());
    this.changed();
    this.options.onAccountsChanged?.();
  }

  private changed(): void {
    this.options.events.emit('devices.changed', this.list());
  }
}

/** What the overlay shows of a failed request: the device state it left, in the device's own words. */
function failureOf(error: unknown): NonNullable<SigningRequestView['error']> {
  if (error instanceof DeviceError)
    return { state: error.state, message: error.message, remedy: error.remedy };
  return {
    state: 'error',
    message: error instanceof ApiError ? error.message : 'Signing failed.',
    remedy: null,
  };
}
