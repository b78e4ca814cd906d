import type { Database } from 'better-sqlite3';
import { hexlify, toUtf8Bytes } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { DeviceScreen, Finding, TxReview, TypedDataReview } from '../../shared/review';
import { messageText } from '../../shared/messageText';
import { BLIND_SIGNING_WARNING } from '../../shared/devices';
import type {
  AddDeviceAccounts,
  DeviceView,
  DiscoverAccounts,
  DiscoveryPage,
  SignatureResult,
  SignTypedData,
  VerifiedAddress,
} from '../../shared/devices';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import type { Account } from '../store/accountsRepository';
import type { Repositories } from '../store/repositories';
import type { ActivityReader } from './accountDiscovery';
import { DeviceAccounts } from './deviceAccounts';
import { DeviceError } from '../../shared/deviceError';
import { DeviceRegistry } from './deviceRegistry';
import type { DeviceSource } from './deviceSource';
import type { TypedData, UnsignedTransaction } from './signer';
import {
  type CheckedTransaction,
  checkPersonalSignature,
  checkTransaction,
  checkTypedDataSignature,
} from './signatureCheck';
import {
  addressCheck,
  blindSigningRefused,
  messageCheck,
  transactionCheck,
  typedDataChecks,
  typedDataLines,
} from './signingChecks';
import { buildTypedDataReview, type TypedDataReviewDeps } from './typedDataReview';
import { type SafeSigned, type SafeSigningRequest, signSafeTransaction } from './safeSigning';
import { SigningRequests } from './signingRequests';
import { type PhoneGateway, SigningRunner } from './signingRunner';
import { domainChainId } from './typedDataHash';

export interface SignersServiceOptions {
  db: Database;
  repositories: Pick<Repositories, 'accounts' | 'devices' | 'signatures' | 'addressBook' | 'labels'>;
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
  /** The network main holds as active: typed data must name it. Without it, typed data is refused. */
  activeChainId?: () => number;
  /** The chain and tokens a typed-data review reads; without them, typed data cannot be reviewed. */
  typedDataReview?: Omit<TypedDataReviewDeps, 'repositories'>;
  now?: () => number;
}

/** What a caller other than the wallet's own pages adds to a typed-data request. */
export interface TypedDataOptions {
  /** The network the request is for (a dApp's), checked instead of main's active one. */
  chainId?: number;
  /** Findings about who asks, shown first; they inform and never block. */
  leadingFindings?: Finding[];
}

/** TypedDataReview's bound on findings. */
const MAX_FINDINGS = 30;

/**
 * The hardware signers of the wallet: which devices are plugged in and what they are doing, discovery and
 * adding of their accounts, and every signing request, queued per device, checked against the account's
 * address and recorded with the device and time it came from.
 */
export class SignersService {
  private readonly devices: DeviceRegistry;
  private readonly accounts: DeviceAccounts;
  private readonly runner: SigningRunner;

  constructor(private readonly options: SignersServiceOptions) {
    const { db, repositories, sources, activity, events, log, phones } = options;
    const now = options.now ?? Date.now;
    this.devices = new DeviceRegistry({
      sources,
      repositories,
      activity,
      events,
      log,
      recheckMs: options.recheckMs ?? 2_000,
      now,
    });
    this.accounts = new DeviceAccounts({
      db,
      devices: this.devices,
      repositories,
      events,
      onAccountsChanged: options.onAccountsChanged,
      now,
    });
    const requests = new SigningRequests(events, now);
    this.runner = new SigningRunner({ devices: this.devices, requests, repositories, phones, now });
  }

  start(): Promise<void> {
    return this.devices.start();
  }

  stop(): Promise<void> {
    return this.devices.stop();
  }

  /** Plugged-in devices first, then the ones this wallet knows that are not connected now. */
  list(): DeviceView[] {
    return this.devices.list();
  }

  discover(request: DiscoverAccounts): Promise<DiscoveryPage> {
    return this.accounts.discover(request);
  }

  addAccounts(request: AddDeviceAccounts): Promise<Account[]> {
    return this.accounts.add(request);
  }

  forget(fingerprint: string): void {
    this.accounts.forget(fingerprint);
  }

  answer(deviceId: string, request: 'pin' | 'passphrase', value: string | null): void {
    this.devices.answer(deviceId, request, value);
  }

  async verifyAddress(accountId: number): Promise<VerifiedAddress> {
    const account = this.account(accountId);
    const check = addressCheck(account.address, account.derivationPath);
    try {
      await this.runner.run(account, 'verify-address', check, false, async (signer, path) => {
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

  /** `message` is text, signed as its UTF-8 bytes, or the raw bytes a site sent (personal_sign). */
  async signMessage(accountId: number, message: string | Uint8Array): Promise<SignatureResult> {
    const account = this.account(accountId);
    const bytes = typeof message === 'string' ? toUtf8Bytes(message) : message;
    const shown = typeof message === 'string' ? message : (messageText(bytes) ?? hexlify(bytes));
    const check = messageCheck(shown, account.address);
    return this.runner.run(account, 'message', check, false, async (signer, path, live) => {
      const parts = await signer.signPersonalMessage(path, bytes);
      const checked = checkPersonalSignature(bytes, parts, account.address);
      return this.runner.result(account, live, checked, 'message', null, 'clear');
    });
  }

  /**
   * Checks the typed data against main's own active chain and the user's consents before the device sees it,
   * and refuses a blind (hashed) signature the user did not allow, whatever the device decided to do.
   */
  async signTypedData(request: SignTypedData, options: TypedDataOptions = {}): Promise<SignatureResult> {
    const { accountId, typedData, allowMissingChainId = false, allowBlindSigning = false } = request;
    const account = this.account(accountId);
    const data = typedData as TypedData;
    const chainId = options.chainId ?? this.activeChainId();
    const checks = typedDataChecks(data, chainId, allowMissingChainId);
    const named = domainChainId(data) === null ? null : chainId;
    const live = this.devices.holding(account);
    const blind = live ? !live.probe?.clearSignsTypedData : false;
    if (blind && !allowBlindSigning) throw blindSigningRefused();
    const review = await this.reviewTypedData(request, options);
    return this.runner.run(
      account,
      'typed-data',
      blind ? checks.hashed : checks.clear,
      blind,
      async (signer, path, device) => {
        const { signature, mode } = await signer.signTypedData(path, data, {
          allowHashed: allowBlindSigning,
        });
        if (mode === 'hashed' && !allowBlindSigning) throw blindSigningRefused();
        const checked = checkTypedDataSignature(data, signature, account.address);
        return this.runner.result(account, device, checked, 'typed-data', named, mode);
      },
      { type: 'typed-data', review },
    );
  }

  /**
   * What typed data allows and what the device will show, before anything is asked of it. Mismatches are
   * findings here; signing refuses them outright.
   */
  async reviewTypedData(
    { accountId, typedData }: SignTypedData,
    { chainId, leadingFindings = [] }: TypedDataOptions = {},
  ): Promise<TypedDataReview> {
    const account = this.account(accountId);
    const data = typedData as TypedData;
    // Without chains the review still decodes and names everything; it only cannot tell which spenders have code.
    const typedDataReview = this.options.typedDataReview ?? {
      connection: () => Promise.reject(new ApiError('chain_unavailable', 'No chain is enabled to read.')),
      tokens: () => undefined,
    };
    const review = await buildTypedDataReview(
      account,
      data,
      chainId ?? this.activeChainId(),
      { repositories: this.options.repositories, ...typedDataReview },
      this.typedDataScreen(account, data),
      (this.options.now ?? Date.now)(),
    );
    if (leadingFindings.length === 0) return review;
    return { ...review, findings: [...leadingFindings, ...review.findings].slice(0, MAX_FINDINGS) };
  }

  private typedDataScreen(account: Account, data: TypedData): DeviceScreen | null {
    if (account.signer === 'watch' || account.signer === 'phone' || !account.deviceFingerprint) return null;
    const live = this.devices.holding(account);
    const blind = live ? !live.probe?.clearSignsTypedData : false;
    const lines = typedDataLines(data);
    return {
      kind: account.signer,
      label: live ? this.devices.labelOf(live) : account.signer,
      fingerprint: account.deviceFingerprint,
      mode: blind ? 'blind' : 'clear',
      lines: blind ? lines.hashed : lines.clear,
      note: blind ? BLIND_SIGNING_WARNING : null,
    };
  }

  /**
   * For the send flow: a signed, checked transaction ready to broadcast, recorded by its hash. The overlay
   * shows the review the user approved beside the lines the device will show, which the review computed.
   */
  async signTransaction(
    accountId: number,
    transaction: UnsignedTransaction,
    review: TxReview,
  ): Promise<CheckedTransaction> {
    const account = this.account(accountId);
    const shown = { type: 'transaction' as const, review };
    const check = review.device?.lines ?? transactionCheck(transaction);
    if (account.signer === 'phone') return this.runner.runOnPhone(account, transaction, check, shown);
    const blind = review.device?.mode === 'blind';
    return this.runner.run(
      account,
      'transaction',
      check,
      blind,
      async (signer, path, device) => {
        const parts = await signer.signTransaction(path, transaction);
        const checked = checkTransaction(transaction, parts, account.address);
        this.runner.record(account, device, 'transaction', Number(transaction.chainId), checked.hash);
        return checked;
      },
      shown,
    );
  }

  /**
   * One owner's signature of a Safe transaction: on its Ledger or Trezor as EIP-712 typed data, or as a
   * decoded request to its paired phone; checked against the owner before it is returned.
   */
  signSafeTransaction(
    accountId: number,
    request: SafeSigningRequest,
    options: { allowBlindSigning: boolean },
  ): Promise<SafeSigned> {
    return signSafeTransaction(this.account(accountId), request, options, {
      runner: this.runner,
      signTypedData: (typedData, { chainId }) => this.signTypedData(typedData, { chainId }),
    });
  }

  private activeChainId(): number {
    const { activeChainId } = this.options;
    if (!activeChainId) {
      throw new ApiError('chain_unavailable', 'No active network is set to check typed data against.');
    }
    return activeChainId();
  }

  private account(accountId: number): Account {
    return this.options.repositories.accounts.get(accountId);
  }
}
