import { ApiError } from '../../shared/api/envelope';
import type { SafeSignRequestMessage, SignRequestMessage } from '../../shared/pairing/messages';
import type { SignatureParts } from '../signers/signer';
import { DeviceError } from '../../shared/deviceError';

export type PhoneRequestStatus = 'waiting_for_phone' | 'awaiting_confirmation' | 'expired';

/** What a phone signs: a transaction of its own account, or a Safe transaction it co-signs as an owner. */
export type PhoneRequestMessage = SignRequestMessage | SafeSignRequestMessage;

/** A request before its times are set, which PhoneRequests does when it sends it. */
export type UntimedRequest =
  | Omit<SignRequestMessage, 'createdAt' | 'expiresAt'>
  | Omit<SafeSignRequestMessage, 'createdAt' | 'expiresAt'>;

interface Entry {
  fingerprint: string;
  phoneName: string;
  message: PhoneRequestMessage;
  status: PhoneRequestStatus;
  onStatus(status: PhoneRequestStatus, expiresAt: number): void;
  resolve(signature: SignatureParts): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface PhoneRequestsOptions {
  now?: () => number;
  /** How long the phone may take to answer (5 minutes by default). */
  ttlMs?: number;
  /** Sends (or re-sends) a request to its phone; false when the phone is not connected. */
  deliver(fingerprint: string, message: PhoneRequestMessage): boolean;
}

/**
 * Signing requests on their way to a phone. A request outlives the phone being offline and its own
 * deadline: it ends only when the phone answers or the user cancels, and a retry re-sends it under the same
 * id, so a phone that already signed answers with the same signature instead of signing twice.
 */
export class PhoneRequests {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly ttlMs: number;

  constructor(private readonly options: PhoneRequestsOptions) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
  }

  /** The message carries everything but the times, which are set here. */
  sign(
    fingerprint: string,
    phoneName: string,
    message: UntimedRequest,
    onStatus: Entry['onStatus'],
  ): Promise<SignatureParts> {
    if (this.entries.has(message.id)) throw new ApiError('invalid_state', 'That request is already waiting.');
    const createdAt = this.now();
    return new Promise<SignatureParts>((resolve, reject) => {
      const entry: Entry = {
        fingerprint,
        phoneName,
        message: { ...message, createdAt, expiresAt: createdAt + this.ttlMs },
        status: 'waiting_for_phone',
        onStatus,
        resolve,
        reject,
        timer: setTimeout(() => undefined, 0),
      };
      this.entries.set(message.id, entry);
      this.dispatch(entry);
    });
  }

  /**
   * Re-sends what is still open for a phone that just connected: a request sent to its previous session may
   * have died with it, and the phone answers a request it already answered by id, without asking again.
   */
  connected(fingerprint: string): void {
    for (const entry of this.entries.values()) {
      if (entry.fingerprint === fingerprint && entry.status !== 'expired') this.dispatch(entry);
    }
  }

  /** A phone's answer counts only for its own requests. */
  signed(fingerprint: string, id: string, signature: SignatureParts): void {
    const entry = this.take(fingerprint, id);
    entry?.resolve(signature);
  }

  rejected(fingerprint: string, id: string, reason: string): void {
    const entry = this.take(fingerprint, id);
    entry?.reject(new DeviceError('rejected', `${entry.phoneName} rejected the request: ${reason}`, null));
  }

  /** Returns whether the id was a phone request (so callers can tell "not mine" from "gone"). */
  cancel(id: string): PhoneRequestMessage | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    this.take(entry.fingerprint, id);
    entry.reject(new ApiError('cancelled', 'You cancelled the request before the phone answered.'));
    return entry.message;
  }

  retry(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) throw new ApiError('not_found', 'That request is not waiting any more.');
    if (entry.status !== 'expired') throw new ApiError('invalid_state', 'That request has not expired.');
    const createdAt = this.now();
    entry.message = { ...entry.message, createdAt, expiresAt: createdAt + this.ttlMs };
    this.dispatch(entry);
  }

  /** A revoked or expired phone takes its open requests with it. */
  drop(fingerprint: string, error: Error): void {
    for (const [id, entry] of this.entries) {
      if (entry.fingerprint === fingerprint) this.take(fingerprint, id)?.reject(error);
    }
  }

  private dispatch(entry: Entry): void {
    clearTimeout(entry.timer);
    const delivered = this.options.deliver(entry.fingerprint, entry.message);
    this.update(entry, delivered ? 'awaiting_confirmation' : 'waiting_for_phone');
    entry.timer = setTimeout(
      () => this.update(entry, 'expired'),
      Math.max(0, entry.message.expiresAt - this.now()),
    );
    entry.timer.unref?.();
  }

  private update(entry: Entry, status: PhoneRequestStatus): void {
    entry.status = status;
    entry.onStatus(status, entry.message.expiresAt);
  }

  private take(fingerprint: string, id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.fingerprint !== fingerprint) return undefined;
    clearTimeout(entry.timer);
    this.entries.delete(id);
    return entry;
  }
}
