import { randomBytes, randomUUID } from 'node:crypto';
import type { SignatureResult, SigningKind, SigningRequestView } from '../../shared/devices';
import type { SafeSignRequestMessage } from '../../shared/pairing/messages';
import type { TxReview } from '../../shared/review';
import type { Account } from '../store/accountsRepository';
import type { Repositories } from '../store/repositories';
import type { SignatureKind } from '../store/signaturesRepository';
import { DeviceError } from '../../shared/deviceError';
import type { DeviceRegistry, LiveDevice } from './deviceRegistry';
import { describeState, KIND_NAMES } from './deviceStates';
import type { SignatureParts, Signer, TypedData, UnsignedTransaction } from './signer';
import {
  type CheckedSignature,
  type CheckedTransaction,
  checkTransaction,
  checkTypedDataSignature,
} from './signatureCheck';
import type { Check } from './signingChecks';
import type { SigningRequests } from './signingRequests';
import { cannotSign } from '../../shared/watchOnly';

/** The pairing service, as the signers see it: it carries a request to the phone and back. */
export interface PhoneGateway {
  /** `review` is what the desktop showed for `transaction`: the phone shows it too, and refuses it if blocked. */
  signTransaction(
    request: { id: string; fingerprint: string; transaction: UnsignedTransaction; review: TxReview | null },
    onStatus: (status: 'waiting_for_phone' | 'awaiting_confirmation' | 'expired', expiresAt: number) => void,
  ): Promise<SignatureParts>;
  /**
   * The phone co-signs a Safe transaction: it recomputes `message.safeTxHash` from the Safe, chain and
   * SafeTx, refuses a mismatch or a Safe it does not own, and signs the hash itself (no prefix). The
   * signature is checked to recover to the phone's paired address before it is returned.
   */
  signSafeTransaction(
    request: {
      id: string;
      fingerprint: string;
      message: Omit<
        SafeSignRequestMessage,
        't' | 'id' | 'desktop' | 'desktopChainId' | 'createdAt' | 'expiresAt'
      >;
    },
    onStatus: (status: 'waiting_for_phone' | 'awaiting_confirmation' | 'expired', expiresAt: number) => void,
  ): Promise<SignatureParts>;
}

export interface SigningRunnerOptions {
  devices: DeviceRegistry;
  requests: SigningRequests;
  repositories: Pick<Repositories, 'devices' | 'signatures'>;
  /** Where a paired phone's requests go; without it, phone accounts cannot sign. */
  phones?: PhoneGateway;
  now: () => number;
}

/** What the phone is told of a request's progress, for the overlay. */
type PhoneStatusListener = Parameters<PhoneGateway['signTransaction']>[1];

/** A Safe co-signing request as the phone gateway carries it, without what the gateway adds itself. */
export type PhoneSafeRequest = Parameters<PhoneGateway['signSafeTransaction']>[0]['message'];

const phoneSigner = (fingerprint: string) => ({ kind: 'phone' as const, fingerprint });

/** The review the user approved, shown again in the overlay while the device is asked. */
export type ShownReview = SigningRequestView['review'];

/** A request's work on the device, given the device's signer and the account's path on it. */
export type DeviceTask<T> = (signer: Signer, path: string, live: LiveDevice) => Promise<T>;

/**
 * Takes a request to the signer that holds the account, tells the overlay at every step, and records what
 * was signed with the device and time it came from.
 */
export class SigningRunner {
  constructor(private readonly options: SigningRunnerOptions) {}

  /**
   * Runs one request on the account's device, in its turn. A watch-only account goes through the same path
   * so it fails with the same words everywhere.
   */
  async run<T>(
    account: Account,
    action: SigningRequestView['action'],
    check: Check,
    blind: boolean,
    task: DeviceTask<T>,
    review: ShownReview = null,
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
    const { devices, requests } = this.options;
    const live = devices.holding(account);
    const device = live?.device;
    if (!live || !device) {
      const stored = account.deviceFingerprint
        ? this.options.repositories.devices.get(account.deviceFingerprint)
        : undefined;
      throw new DeviceError(
        'disconnected',
        `Connect ${stored?.name ?? `the ${KIND_NAMES[kind]}`} that holds this account to sign with it.`,
        describeState(kind, 'disconnected').remedy,
      );
    }
    const signer = {
      kind,
      label: devices.labelOf(live),
      fingerprint: live.fingerprint as string,
      model: device.model,
    };
    const result = await requests.track(
      { id: randomUUID(), action, account, signer, check, blind, review },
      (progress) =>
        devices.use(live, () => {
          progress({ status: 'awaiting_confirmation' });
          devices.show(live, 'awaiting_confirmation');
          return task(device.signer, account.derivationPath as string, live);
        }),
    );
    devices.show(live, 'ready');
    return result;
  }

  /**
   * A phone answers when it can: the request waits while it is offline and past its deadline, until the
   * phone signs, the user cancels, or the user sends it again. Its id is the one the phone sees.
   */
  async runOnPhone(
    account: Account,
    transaction: UnsignedTransaction,
    check: Check,
    review: ShownReview,
  ): Promise<CheckedTransaction> {
    const shown = review?.type === 'transaction' ? review.review : null;
    return this.trackOnPhone(account, 'transaction', check, review, async (phones, request, onStatus) => {
      const parts = await phones.signTransaction({ ...request, transaction, review: shown }, onStatus);
      const checked = checkTransaction(transaction, parts, account.address);
      this.record(
        account,
        phoneSigner(request.fingerprint),
        'transaction',
        Number(transaction.chainId),
        checked.hash,
      );
      return checked;
    });
  }

  /**
   * A Safe transaction co-signed on the phone, which signs its hash (the digest of `typedData`) with no prefix:
   * the signature is recovered against the account before anyone sees it.
   */
  async runSafeOnPhone(
    account: Account,
    message: PhoneSafeRequest,
    typedData: TypedData,
    check: Check,
  ): Promise<{ signature: SignatureParts; label: string; fingerprint: string; signedAt: number }> {
    return this.trackOnPhone(account, 'typed-data', check, null, async (phones, request, onStatus, label) => {
      const signature = await phones.signSafeTransaction({ ...request, message }, onStatus);
      const checked = checkTypedDataSignature(typedData, signature, account.address);
      const signedAt = this.record(
        account,
        phoneSigner(request.fingerprint),
        'typed-data',
        message.chainId,
        checked.digest,
      );
      return { signature, label, fingerprint: request.fingerprint, signedAt };
    });
  }

  /** Tracks one request to the account's paired phone in the overlay, under the id the phone sees. */
  private trackOnPhone<T>(
    account: Account,
    action: SigningRequestView['action'],
    check: Check,
    review: ShownReview,
    ask: (
      phones: PhoneGateway,
      request: { id: string; fingerprint: string },
      onStatus: PhoneStatusListener,
      label: string,
    ) => Promise<T>,
  ): Promise<T> {
    const fingerprint = account.deviceFingerprint as string;
    const { phones, requests } = this.options;
    if (!phones) throw new DeviceError('disconnected', 'Phone signing is not available here.', null);
    const label = this.options.repositories.devices.get(fingerprint)?.name ?? 'Phone';
    const request = {
      id: randomBytes(16).toString('hex'),
      action,
      account,
      signer: { kind: 'phone' as const, label, fingerprint, model: null },
      check,
      blind: false,
      review,
    };
    return requests.track(request, (progress) =>
      ask(
        phones,
        { id: request.id, fingerprint },
        (status, expiresAt) => progress({ status, expiresAt }),
        label,
      ),
    );
  }

  /** What a device's message or typed-data signature gives back, recorded by its digest. */
  result(
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
      signer: {
        kind: live.kind,
        label: this.options.devices.labelOf(live),
        fingerprint: live.fingerprint as string,
      },
      mode,
      signedAt,
    };
  }

  /** Notes what was signed, by which signer and when; returns that time. */
  record(
    account: Account,
    signer: { kind: SigningKind; fingerprint: string | null },
    kind: SignatureKind,
    chainId: number | null,
    digest: string,
  ): number {
    const signedAt = this.options.now();
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
}
