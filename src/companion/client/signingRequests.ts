import type { PhoneMessage } from '../../shared/pairing/messages';
import { PairingError } from '../../shared/pairing/pairingError';
import { phoneAccount } from '../core/phoneKeys';
import type { PhoneSigningKey } from '../core/phoneSigningKey';
import { safeRequestRefusal } from '../core/safeRequest';
import type { PhoneStateWriter } from './phoneStateWriter';
import { immediateAnswer, type PhoneRequest, requestContentDigest } from './requestAnswers';

/** A signing request the phone holds until the user approves or rejects it. */
export interface PendingRequest {
  desktopId: string;
  request: PhoneRequest;
  receivedAt: number;
}

export interface SigningRequestsOptions {
  writer: PhoneStateWriter;
  /** Holds the derived key while the companion is unlocked, so approving costs no PBKDF2 run. */
  signingKey: PhoneSigningKey;
  send(desktopId: string, message: PhoneMessage): void;
  changed(): void;
  now: () => number;
}

/** The requests waiting for the user, and the answers: each is saved before the desktop is told. */
export class SigningRequests {
  private readonly pending = new Map<string, PendingRequest>();
  private address: { mnemonic: string; address: string } | null = null;

  constructor(private readonly options: SigningRequestsOptions) {}

  list(): PendingRequest[] {
    return [...this.pending.values()].sort((a, b) => a.receivedAt - b.receivedAt);
  }

  offer(desktopId: string, request: PhoneRequest): void {
    const held = this.pending.get(request.id);
    const answer = immediateAnswer(request, {
      answered: this.options.writer.state.answered,
      held: held?.request,
      now: this.options.now(),
      phone: this.phoneAddress(),
    });
    if (answer) {
      this.options.send(desktopId, answer);
      return;
    }
    this.pending.set(request.id, { desktopId, request, receivedAt: held?.receivedAt ?? this.options.now() });
    this.options.changed();
  }

  cancel(desktopId: string, id: string): void {
    if (this.pending.get(id)?.desktopId !== desktopId) return;
    this.pending.delete(id);
    this.options.changed();
  }

  /**
   * Signs the very content the request carried (the one the UI showed) and sends the signature: a
   * transaction's hash, or the Safe transaction hash this phone computed, never the desktop's.
   */
  async approve(id: string): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) throw new PairingError('invalid_message', 'That request is no longer waiting.');
    if (entry.request.expiresAt <= this.options.now()) {
      this.pending.delete(id);
      this.options.changed();
      throw new PairingError('request_expired', 'This request expired. Ask the desktop to send it again.');
    }
    const refusal =
      entry.request.t === 'safeSign' ? safeRequestRefusal(entry.request, this.phoneAddress()) : null;
    if (refusal) throw new PairingError('invalid_message', refusal);
    const digest = requestContentDigest(entry.request);
    const signature = this.options.signingKey.sign(this.options.writer.state.mnemonic, digest);
    await this.options.writer.remember({ id, digest, signature, answeredAt: this.options.now() });
    this.pending.delete(id);
    this.options.send(entry.desktopId, { t: 'signed', id, signature });
    this.options.changed();
  }

  async reject(id: string, reason: string): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) return;
    await this.options.writer.remember({
      id,
      digest: requestContentDigest(entry.request),
      signature: null,
      answeredAt: this.options.now(),
    });
    this.pending.delete(id);
    this.options.send(entry.desktopId, { t: 'rejected', id, reason });
    this.options.changed();
  }

  /** A desktop's requests go with its session: it could not hear their answers any more. */
  dropFrom(desktopId: string): void {
    for (const [id, entry] of this.pending) if (entry.desktopId === desktopId) this.pending.delete(id);
  }

  /** Deriving the key takes a PBKDF2 run, so the address is kept for as long as the phrase is the same. */
  private phoneAddress(): string {
    const { mnemonic } = this.options.writer.state;
    if (this.address?.mnemonic !== mnemonic)
      this.address = { mnemonic, address: phoneAccount(mnemonic).address };
    return this.address.address;
  }
}
