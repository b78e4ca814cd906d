import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { ApiError } from '../../shared/api/envelope';
import type { PairingAttempt, PairingView, PhoneView } from '../../shared/pairing';
import type { SyncOp } from '../../shared/sync/syncOps';
import { INVITE_LIFETIME_MS, inviteUrl } from '../../shared/pairing/invite';
import {
  decodePhoneMessage,
  encodeMessage,
  type DesktopMessage,
  type PhoneMessage,
  type SignRequestMessage,
} from '../../shared/pairing/messages';
import { keyPairFrom, NoiseHandshake, type KeyPair } from '../../shared/pairing/noise';
import { PairingError } from '../../shared/pairing/pairingError';
import { PHONE_PATH } from '../../shared/pairing/phonePath';
import type { ConnectRelay, RelayLink } from '../../shared/pairing/relayLink';
import { SecureChannel } from '../../shared/pairing/secureChannel';
import {
  deriveSessionSecrets,
  handshakePrologue,
  shortAuthenticationString,
  type SessionSecrets,
} from '../../shared/pairing/sessionKeys';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import { DeviceError } from '../signers/deviceError';
import type { SignatureParts, UnsignedTransaction } from '../signers/signer';
import { toChecksumAddress, type ChecksumAddress } from '../store/address';
import type { Repositories } from '../store/repositories';
import type { SyncPeer } from '../sync/syncService';
import type { Vault } from '../vault/vault';
import type { PhonePairingsRepository } from './phonePairingsRepository';
import { PhoneRequests, type PhoneRequestStatus } from './phoneRequests';
import { relayInterfaces, defaultRelayHost } from './relayInterfaces';

/** A phone unseen this long must pair again: its inbox closes and its resume key is deleted. */
export const IDLE_EXPIRY_MS = 7 * 24 * 60 * 60_000;
/** A phone counts as online while a frame (its 20 s ping at least) arrived this recently. */
const ONLINE_WINDOW_MS = 45_000;
const INBOX_TTL_SECONDS = 7 * 24 * 60 * 60;
const DEFAULT_PORT = 8787;
const DESKTOP_KEY = 'pairing.desktopKey';
/** Sync blobs per message: each is at least 512 bytes, and a message is chunked by the channel anyway. */
const SYNC_BLOBS_PER_MESSAGE = 32;
const resumeKeyName = (fingerprint: string) => `pairing.resume.${fingerprint}`;

export interface RunningRelay {
  url: string;
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface PairingServiceOptions {
  db: Database;
  repositories: Pick<Repositories, 'accounts' | 'devices'>;
  pairings: PhonePairingsRepository;
  vault: Pick<Vault, 'get' | 'put' | 'delete'>;
  events: EventHub;
  log: Logger;
  /** The network the desktop is on, which the phone compares with each request's chain. */
  activeChainId: () => number;
  startRelay(host: string, port: number): Promise<RunningRelay>;
  connectRelay: ConnectRelay;
  /** Where the relay listens before the user picks: the first LAN address, else loopback. */
  relayHost?: string;
  relayPort?: number;
  desktopName?: string;
  now?: () => number;
  requestTtlMs?: number;
  onAccountsChanged?: () => void;
  /** State sync: paired phones join its group and receive its blobs through their sessions. */
  sync?: PhoneSync;
}

/** What pairing needs of state sync; see SyncService. */
export interface PhoneSync {
  groupFor(): Promise<{ ring: string; roster: SyncOp[] }>;
  addPhone(phone: {
    id: string;
    name: string;
    sign: string;
    box: string;
    fingerprint: string;
  }): Promise<void>;
  attachPeer(peer: SyncPeer, has: Readonly<Record<string, number>>): () => void;
  receive(blobs: readonly Uint8Array[], source: 'relay'): Promise<void>;
  removePhone(fingerprint: string): Promise<void>;
}

interface Attempt extends PairingAttempt {
  rendezvous: Uint8Array;
  psk: Uint8Array;
  timer: ReturnType<typeof setTimeout>;
  session: Session | null;
  secrets: SessionSecrets | null;
  phoneKey: string | null;
  phoneAddress: ChecksumAddress | null;
}

interface Session {
  /** Null while the session belongs to a pairing attempt. */
  fingerprint: string | null;
  channel: SecureChannel;
  lastFrameAt: number;
  /** Stops pushing sync blobs to this session. */
  detachSync?: () => void;
}

/**
 * The desktop's side of phone pairing: the relay it runs, QR invites, the handshakes, the paired phones and
 * their sessions, and the signing requests routed to them. Nothing a phone sends is trusted before it opens
 * under the session's keys, and nothing it says changes stored state outside a transaction.
 */
export class PairingService {
  private readonly now: () => number;
  private readonly requests: PhoneRequests;
  private readonly sessions = new Map<string, Session>();
  private readonly desktopName: string;
  private relay: RunningRelay | null = null;
  private link: RelayLink | null = null;
  private relayError: string | null = null;
  private attempt: Attempt | null = null;
  private staticKey: KeyPair | null = null;
  private starting: Promise<void> | null = null;

  constructor(private readonly options: PairingServiceOptions) {
    this.now = options.now ?? Date.now;
    this.desktopName = (options.desktopName ?? `Ledgerline on ${hostname()}`).slice(0, 40);
    this.requests = new PhoneRequests({
      now: this.now,
      ttlMs: options.requestTtlMs,
      deliver: (fingerprint, message) => this.deliver(fingerprint, message),
    });
  }

  /** Starts the relay when phones are paired already, so they can reconnect without a visit to Pairing. */
  async resume(): Promise<void> {
    if (this.options.pairings.list().length > 0) await this.ensureRelay();
  }

  async status(): Promise<PairingView> {
    return this.view();
  }

  async start(): Promise<PairingView> {
    await this.ensureRelay();
    if (!this.relay || !this.link)
      throw new ApiError('pairing_failed', this.relayError ?? 'The relay is not running.');
    this.endAttempt();
    const key = await this.desktopKey();
    const rendezvous = randomBytes(16);
    const psk = randomBytes(32);
    const expiresAt = this.now() + INVITE_LIFETIME_MS;
    const url = inviteUrl(this.relay.url, {
      rendezvous,
      desktopKey: key.publicKey,
      psk,
      expiresAt,
      relay: this.relay.wsUrl,
    });
    this.link.open(rendezvous, INVITE_LIFETIME_MS / 1000);
    const id = bytesToHex(randomBytes(8));
    this.attempt = {
      id,
      url,
      expiresAt,
      state: 'waiting',
      code: null,
      phoneName: null,
      phoneConfirmed: false,
      desktopConfirmed: false,
      error: null,
      rendezvous,
      psk,
      session: null,
      secrets: null,
      phoneKey: null,
      phoneAddress: null,
      timer: setTimeout(() => this.expireAttempt(id), INVITE_LIFETIME_MS),
    };
    this.attempt.timer.unref?.();
    return this.changed();
  }

  async confirm(id: string, matches: boolean): Promise<PairingView> {
    const attempt = this.currentAttempt(id);
    if (attempt.state !== 'confirming' || !attempt.code) {
      throw new ApiError('invalid_state', 'There is no code to confirm yet: wait for the phone to connect.');
    }
    if (!matches) {
      this.failAttempt(
        'You said the codes differ. Nothing was paired; show a new QR code to try again.',
        true,
      );
      return this.changed();
    }
    attempt.desktopConfirmed = true;
    await this.completeIfConfirmed(attempt);
    return this.changed();
  }

  cancel(id: string): PairingView {
    const attempt = this.currentAttempt(id);
    if (attempt.state === 'waiting' || attempt.state === 'confirming') {
      this.failAttempt('Pairing was cancelled on the desktop.', true);
    }
    this.endAttempt();
    return this.changed();
  }

  /** Refuses the phone at once: its session ends, its inboxes close, and its account and keys go. */
  async revoke(fingerprint: string): Promise<PairingView> {
    const pairing = this.options.pairings.get(fingerprint);
    if (!pairing) throw new ApiError('not_found', 'That phone is not paired with this wallet.');
    for (const [route, session] of this.sessions) {
      if (session.fingerprint === fingerprint) this.transmit(route, session, { t: 'revoke' });
    }
    this.forgetPhone(fingerprint, 'This phone was revoked on the desktop.');
    return this.changed();
  }

  async setRelay(host: string, port: number): Promise<PairingView> {
    const known = relayInterfaces().some((entry) => entry.address === host);
    if (!known) throw new ApiError('invalid_request', `${host} is not an address of this computer.`);
    this.options.pairings.setRelay({ host, port });
    await this.stopRelay();
    await this.ensureRelay();
    return this.changed();
  }

  /** For the signers service: the phone signs, or the request waits, expires, or is cancelled. */
  signTransaction(
    request: { id: string; fingerprint: string; transaction: UnsignedTransaction },
    onStatus: (status: PhoneRequestStatus, expiresAt: number) => void,
  ): Promise<SignatureParts> {
    const { id, fingerprint, transaction } = request;
    const phone = this.options.repositories.devices.get(fingerprint);
    if (!phone || !this.options.pairings.get(fingerprint)) {
      throw new DeviceError(
        'disconnected',
        'This phone is not paired any more.',
        'Pair it again on the Pairing page.',
      );
    }
    if (this.isExpired(phone.lastSeenAt)) {
      throw new DeviceError(
        'disconnected',
        `${phone.name} has not connected for 7 days, so its pairing expired.`,
        'Pair it again on the Pairing page.',
      );
    }
    void this.ensureRelay();
    return this.requests.sign(
      fingerprint,
      phone.name,
      {
        t: 'sign',
        id,
        desktop: this.desktopName,
        chainId: Number(transaction.chainId),
        desktopChainId: this.options.activeChainId(),
        tx: phoneTransaction(transaction),
      },
      onStatus,
    );
  }

  /** Whether the id was a phone request; a cancelled request is withdrawn from the phone too. */
  cancelRequest(id: string): boolean {
    const message = this.requests.cancel(id);
    if (!message) return false;
    for (const [route, session] of this.sessions) {
      if (session.fingerprint) this.transmit(route, session, { t: 'cancel', id });
    }
    return true;
  }

  retryRequest(id: string): void {
    this.requests.retry(id);
  }

  async close(): Promise<void> {
    this.endAttempt();
    await this.stopRelay();
  }

  private async ensureRelay(): Promise<void> {
    if (this.link) return;
    this.starting ??= this.startRelay().finally(() => (this.starting = null));
    return this.starting;
  }

  private async startRelay(): Promise<void> {
    const config = this.options.pairings.relay() ?? {
      host: this.options.relayHost ?? defaultRelayHost(),
      port: this.options.relayPort ?? DEFAULT_PORT,
    };
    try {
      this.relay = await this.options.startRelay(config.host, config.port);
      this.link = await this.options.connectRelay(this.relay.wsUrl, {
        knocked: (rendezvous, replyRoute, handshake) => void this.knocked(rendezvous, replyRoute, handshake),
        deliver: (route, frame) => this.received(route, frame),
        error: (code, _id, message) => this.options.log.warn('relay refused a request', { code, message }),
        closed: () => {
          this.link = null;
        },
      });
      this.relayError = null;
      for (const pairing of this.options.pairings.list()) this.openInboxes(pairing.fingerprint);
    } catch (error) {
      this.relayError =
        `The relay could not listen on ${config.host}:${config.port}: ` +
        `${error instanceof Error ? error.message : String(error)}. Pick another port or interface.`;
      this.options.log.warn('relay did not start', { reason: this.relayError });
      await this.stopRelay();
    }
    this.changed();
  }

  private async stopRelay(): Promise<void> {
    this.link?.disconnect();
    this.link = null;
    this.sessions.clear();
    const relay = this.relay;
    this.relay = null;
    await relay?.close();
  }

  private openInboxes(fingerprint: string): void {
    const pairing = this.options.pairings.get(fingerprint);
    const phone = this.options.repositories.devices.get(fingerprint);
    if (!pairing || !phone || !this.link) return;
    if (this.isExpired(phone.lastSeenAt)) {
      this.forgetPhone(fingerprint, 'The pairing expired after 7 days without contact.');
      return;
    }
    this.link.open(hexToBytes(pairing.inbox), INBOX_TTL_SECONDS);
    if (pairing.previousInbox) this.link.open(hexToBytes(pairing.previousInbox), INBOX_TTL_SECONDS);
  }

  private async knocked(
    rendezvous: Uint8Array,
    replyRoute: Uint8Array,
    handshake: Uint8Array,
  ): Promise<void> {
    const attempt = this.attempt;
    try {
      if (attempt && attempt.state === 'waiting' && equal(attempt.rendezvous, rendezvous)) {
        await this.pairingHandshake(attempt, replyRoute, handshake);
      } else {
        await this.resumeHandshake(rendezvous, replyRoute, handshake);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log.warn('a handshake was refused', { reason });
      if (attempt && this.attempt === attempt && equal(attempt.rendezvous, rendezvous)) {
        this.failAttempt(
          `A phone tried to pair but the handshake failed: ${reason} Show a new QR code.`,
          false,
        );
        this.changed();
      }
    }
  }

  private async pairingHandshake(
    attempt: Attempt,
    replyRoute: Uint8Array,
    handshake: Uint8Array,
  ): Promise<void> {
    const noise = new NoiseHandshake({
      role: 'responder',
      prologue: handshakePrologue('pair', attempt.rendezvous),
      staticKey: await this.desktopKey(),
      psk: attempt.psk,
    });
    noise.readMessage(handshake);
    const reply = noise.writeMessage();
    const result = noise.split();
    const secrets = deriveSessionSecrets(result);
    attempt.session = this.openSession(null, secrets, result);
    attempt.phoneKey = bytesToHex(result.remoteStatic);
    attempt.code = shortAuthenticationString(result);
    attempt.secrets = secrets;
    // The attempt moves on only when the phone's first sealed message (its hello) opens: that proves it has
    // the pre-shared key from the QR, which with psk2 the handshake's first message does not.
    this.link?.send(replyRoute, reply);
  }

  private async resumeHandshake(
    rendezvous: Uint8Array,
    replyRoute: Uint8Array,
    handshake: Uint8Array,
  ): Promise<void> {
    const inbox = bytesToHex(rendezvous);
    const pairing = this.options.pairings.byInbox(inbox);
    if (!pairing) throw new PairingError('unknown_phone', 'A knock on an inbox no phone holds.');
    const stored = await this.options.vault.get(resumeKeyName(pairing.fingerprint));
    if (!stored || stored.length !== 64)
      throw new PairingError('unknown_phone', 'The phone’s resume key is missing.');
    const psk = pairing.inbox === inbox ? stored.slice(0, 32) : stored.slice(32, 64);
    const noise = new NoiseHandshake({
      role: 'responder',
      prologue: handshakePrologue('resume', rendezvous),
      staticKey: await this.desktopKey(),
      psk,
    });
    noise.readMessage(handshake);
    if (bytesToHex(noise.remoteStatic ?? new Uint8Array()) !== pairing.phoneKey) {
      throw new PairingError('handshake_failed', 'A resume came from a key that is not the paired phone’s.');
    }
    const reply = noise.writeMessage();
    const result = noise.split();
    const secrets = deriveSessionSecrets(result);
    // The next inbox and key are stored before the phone can use them; the used inbox stays as a fallback
    // until the phone's first frame on the new session shows it has them too.
    const current = pairing.inbox === inbox ? stored.slice(0, 32) : stored.slice(32, 64);
    await this.options.vault.put(resumeKeyName(pairing.fingerprint), concat(secrets.resumePsk, current));
    this.options.pairings.rotate(pairing.fingerprint, bytesToHex(secrets.inbox), inbox);
    if (pairing.inbox !== inbox) this.link?.close(hexToBytes(pairing.inbox));
    this.link?.open(secrets.inbox, INBOX_TTL_SECONDS);
    this.link?.open(rendezvous, INBOX_TTL_SECONDS);
    for (const [route, session] of this.sessions) {
      if (session.fingerprint === pairing.fingerprint) this.sessions.delete(route);
    }
    this.openSession(pairing.fingerprint, secrets, result);
    this.link?.send(replyRoute, reply);
  }

  private openSession(
    fingerprint: string | null,
    secrets: SessionSecrets,
    keys: { send: Uint8Array; receive: Uint8Array },
  ): Session {
    const session: Session = {
      fingerprint,
      channel: new SecureChannel({ route: secrets.route, send: keys.send, receive: keys.receive }),
      lastFrameAt: 0,
    };
    this.sessions.set(bytesToHex(secrets.route), session);
    this.link?.listen(secrets.route);
    return session;
  }

  /** Frames from phones. One that does not open is dropped with a log line; the session goes on. */
  private received(route: Uint8Array, frame: Uint8Array): void {
    const key = bytesToHex(route);
    const session = this.sessions.get(key);
    if (!session) return;
    let message: PhoneMessage;
    try {
      const bytes = session.channel.open(frame);
      if (!bytes) return;
      message = decodePhoneMessage(bytes);
    } catch (error) {
      this.options.log.warn('a phone frame was refused', {
        code: error instanceof PairingError ? error.code : 'invalid',
      });
      return;
    }
    const first = session.lastFrameAt === 0;
    session.lastFrameAt = this.now();
    if (session.fingerprint === null) this.fromPairingPhone(session, message);
    else this.fromPhone(key, session, session.fingerprint, message, first);
  }

  private fromPairingPhone(session: Session, message: PhoneMessage): void {
    const attempt = this.attempt;
    if (!attempt || attempt.session !== session) return;
    if (message.t === 'hello' && attempt.state === 'waiting') {
      attempt.state = 'confirming';
      attempt.phoneName = message.phone.name;
      attempt.phoneAddress = toChecksumAddress(message.phone.address);
      clearTimeout(attempt.timer);
      attempt.timer = setTimeout(() => this.expireAttempt(attempt.id), 5 * 60_000);
      attempt.timer.unref?.();
    } else if (message.t === 'confirm' && attempt.state === 'confirming') {
      if (message.sas !== attempt.code) {
        this.failAttempt(
          `The phone confirmed the code ${message.sas}, but this desktop shows ${attempt.code}. ` +
            'Nothing was paired: someone may be interfering. Show a new QR code.',
          true,
        );
      } else {
        attempt.phoneConfirmed = true;
        void this.completeIfConfirmed(attempt).then(() => this.changed());
      }
    } else if (message.t === 'abort') {
      this.failAttempt('The phone said the codes differ. Nothing was paired.', false);
    } else {
      this.options.log.warn('a pairing phone sent a message out of turn', { type: message.t });
      return;
    }
    this.changed();
  }

  private fromPhone(
    route: string,
    session: Session,
    fingerprint: string,
    message: PhoneMessage,
    first: boolean,
  ): void {
    if (first) {
      // The phone holds the rotated keys: its previous inbox is no longer needed.
      const pairing = this.options.pairings.get(fingerprint);
      if (pairing?.previousInbox) {
        this.link?.close(hexToBytes(pairing.previousInbox));
        this.options.pairings.forgetPrevious(fingerprint);
      }
      this.options.repositories.devices.recordSeen(
        {
          fingerprint,
          kind: 'phone',
          name: this.options.repositories.devices.get(fingerprint)?.name ?? 'Phone',
          model: null,
        },
        this.now(),
      );
      this.requests.connected(fingerprint);
      this.changed();
    }
    switch (message.t) {
      case 'signed':
        this.requests.signed(fingerprint, message.id, message.signature);
        return;
      case 'rejected':
        this.requests.rejected(fingerprint, message.id, message.reason);
        return;
      case 'revoke':
        this.sessions.delete(route);
        this.forgetPhone(fingerprint, 'The phone revoked this desktop.');
        this.changed();
        return;
      case 'syncHello':
      case 'syncMember':
      case 'syncBlobs':
        void this.fromPhoneSync(route, session, fingerprint, message).catch((error: unknown) =>
          this.options.log.warn('a phone sync message failed', { error: String(error) }),
        );
        return;
      default:
        return;
    }
  }

  /**
   * Each connection: the current ring and roster first (a phone offline during a key rotation gets the new key
   * this way, over its authenticated channel), then the blobs it lacks, then whatever sync writes next.
   */
  private async fromPhoneSync(
    route: string,
    session: Session,
    fingerprint: string,
    message: Extract<PhoneMessage, { t: 'syncHello' | 'syncMember' | 'syncBlobs' }>,
  ): Promise<void> {
    const sync = this.options.sync;
    if (!sync) return;
    if (message.t === 'syncMember') {
      const name = this.options.repositories.devices.get(fingerprint)?.name ?? 'Phone';
      await sync.addPhone({ id: message.id, name, sign: message.sign, box: message.box, fingerprint });
      return;
    }
    if (message.t === 'syncBlobs') {
      await sync.receive(
        message.blobs.map((blob) => base64urlnopad.decode(blob)),
        'relay',
      );
      return;
    }
    this.transmit(route, session, { t: 'syncGroup', ...(await sync.groupFor()) });
    session.detachSync?.();
    session.detachSync = sync.attachPeer(
      {
        fingerprint,
        send: (blobs) => {
          for (let start = 0; start < blobs.length; start += SYNC_BLOBS_PER_MESSAGE) {
            const batch = blobs.slice(start, start + SYNC_BLOBS_PER_MESSAGE);
            this.transmit(route, session, {
              t: 'syncBlobs',
              blobs: batch.map((blob) => base64urlnopad.encode(blob)),
            });
          }
        },
      },
      message.has,
    );
  }

  private async completeIfConfirmed(attempt: Attempt): Promise<void> {
    if (!attempt.phoneConfirmed || !attempt.desktopConfirmed || attempt.state !== 'confirming') return;
    const { secrets, phoneKey, phoneAddress, phoneName, session } = attempt;
    if (!secrets || !phoneKey || !phoneAddress || !phoneName || !session) return;
    const fingerprint = createHash('sha256').update(hexToBytes(phoneKey)).digest('hex').slice(0, 16);
    const { db, repositories, pairings, vault } = this.options;
    await vault.put(resumeKeyName(fingerprint), concat(secrets.resumePsk, new Uint8Array(32)));
    try {
      db.transaction(() => {
        const now = this.now();
        repositories.devices.recordSeen({ fingerprint, kind: 'phone', name: phoneName, model: null }, now);
        pairings.add({ fingerprint, phoneKey, address: phoneAddress, inbox: bytesToHex(secrets.inbox) });
        repositories.accounts.add({
          signer: 'phone',
          deviceFingerprint: fingerprint,
          derivationScheme: 'bip44',
          derivationPath: PHONE_PATH,
          address: phoneAddress,
          label: phoneName,
        });
      })();
    } catch (error) {
      vault.delete(resumeKeyName(fingerprint));
      this.failAttempt(
        `The phone could not be stored: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
      return;
    }
    session.fingerprint = fingerprint;
    session.lastFrameAt = this.now();
    attempt.state = 'paired';
    clearTimeout(attempt.timer);
    this.transmit(bytesToHex(session.channel.route), session, {
      t: 'paired',
      desktop: { name: this.desktopName },
    });
    if (this.options.sync) {
      this.transmit(bytesToHex(session.channel.route), session, {
        t: 'syncGroup',
        ...(await this.options.sync.groupFor()),
      });
    }
    this.link?.open(secrets.inbox, INBOX_TTL_SECONDS);
    this.options.events.emit('accounts.changed', repositories.accounts.list());
    this.options.onAccountsChanged?.();
  }

  private forgetPhone(fingerprint: string, reason: string): void {
    const pairing = this.options.pairings.get(fingerprint);
    if (pairing) {
      this.link?.close(hexToBytes(pairing.inbox));
      if (pairing.previousInbox) this.link?.close(hexToBytes(pairing.previousInbox));
    }
    for (const [route, session] of this.sessions) {
      if (session.fingerprint === fingerprint) {
        session.detachSync?.();
        this.sessions.delete(route);
        this.link?.unlisten(hexToBytes(route));
      }
    }
    const { db, repositories } = this.options;
    db.transaction(() => {
      for (const account of repositories.accounts.list()) {
        if (account.deviceFingerprint === fingerprint) repositories.accounts.remove(account.id);
      }
      if (repositories.devices.get(fingerprint)) repositories.devices.remove(fingerprint);
    })();
    this.options.vault.delete(resumeKeyName(fingerprint));
    // The phone leaves the sync group too, and the group key rotates: it reads nothing written from now on.
    void this.options.sync
      ?.removePhone(fingerprint)
      .catch((error: unknown) =>
        this.options.log.warn('the revoked phone could not be removed from sync', { error: String(error) }),
      );
    this.requests.drop(
      fingerprint,
      new DeviceError('disconnected', reason, 'Pair the phone again to sign with it.'),
    );
    this.options.events.emit('accounts.changed', repositories.accounts.list());
    this.options.onAccountsChanged?.();
  }

  private deliver(fingerprint: string, message: SignRequestMessage): boolean {
    for (const [route, session] of this.sessions) {
      if (session.fingerprint === fingerprint && this.now() - session.lastFrameAt < ONLINE_WINDOW_MS) {
        this.transmit(route, session, message);
        return true;
      }
    }
    return false;
  }

  private transmit(route: string, session: Session, message: DesktopMessage): void {
    if (!this.link) return;
    for (const frame of session.channel.seal(encodeMessage(message)))
      this.link.send(hexToBytes(route), frame);
  }

  private currentAttempt(id: string): Attempt {
    if (!this.attempt || this.attempt.id !== id) {
      throw new ApiError('not_found', 'That pairing code is not shown any more. Show a new one.');
    }
    return this.attempt;
  }

  private failAttempt(error: string, tellPhone: boolean): void {
    const attempt = this.attempt;
    if (!attempt) return;
    if (tellPhone && attempt.session) {
      this.transmit(bytesToHex(attempt.session.channel.route), attempt.session, {
        t: 'abort',
        reason: error,
      });
    }
    attempt.state = 'failed';
    attempt.error = error;
    this.closeAttemptRoutes(attempt);
  }

  private expireAttempt(id: string): void {
    const attempt = this.attempt;
    if (!attempt || attempt.id !== id || (attempt.state !== 'waiting' && attempt.state !== 'confirming'))
      return;
    if (attempt.state === 'confirming') {
      this.failAttempt('The codes were not confirmed in time. Show a new QR code.', true);
    } else {
      attempt.state = 'expired';
      attempt.error = 'The QR code expired before a phone scanned it.';
      this.closeAttemptRoutes(attempt);
    }
    this.changed();
  }

  private closeAttemptRoutes(attempt: Attempt): void {
    clearTimeout(attempt.timer);
    this.link?.close(attempt.rendezvous);
    if (attempt.session && attempt.session.fingerprint === null) {
      const route = bytesToHex(attempt.session.channel.route);
      this.sessions.delete(route);
      this.link?.unlisten(attempt.session.channel.route);
    }
  }

  private endAttempt(): void {
    if (!this.attempt) return;
    if (this.attempt.state === 'waiting' || this.attempt.state === 'confirming')
      this.closeAttemptRoutes(this.attempt);
    clearTimeout(this.attempt.timer);
    this.attempt = null;
  }

  private async desktopKey(): Promise<KeyPair> {
    if (this.staticKey) return this.staticKey;
    let secret = await this.options.vault.get(DESKTOP_KEY);
    if (!secret) {
      secret = randomBytes(32);
      await this.options.vault.put(DESKTOP_KEY, secret);
    }
    this.staticKey = keyPairFrom(new Uint8Array(secret));
    return this.staticKey;
  }

  private isExpired(lastSeenAt: number): boolean {
    return this.now() - lastSeenAt > IDLE_EXPIRY_MS;
  }

  private phones(): PhoneView[] {
    const { accounts, devices } = this.options.repositories;
    const allAccounts = accounts.list();
    return this.options.pairings.list().flatMap((pairing) => {
      const device = devices.get(pairing.fingerprint);
      if (!device) return [];
      const online = [...this.sessions.values()].some(
        (session) =>
          session.fingerprint === pairing.fingerprint && this.now() - session.lastFrameAt < ONLINE_WINDOW_MS,
      );
      return [
        {
          fingerprint: pairing.fingerprint,
          name: device.name,
          address: pairing.address,
          pairedAt: device.pairedAt ?? device.firstSeenAt,
          lastSeenAt: device.lastSeenAt,
          online,
          status: this.isExpired(device.lastSeenAt) ? ('expired' as const) : ('active' as const),
          accountId:
            allAccounts.find((account) => account.deviceFingerprint === pairing.fingerprint)?.id ?? null,
        },
      ];
    });
  }

  private view(): PairingView {
    const config = this.options.pairings.relay();
    const attempt = this.attempt;
    return {
      relay: {
        running: this.link !== null,
        host: config?.host ?? this.options.relayHost ?? defaultRelayHost(),
        port: this.relay?.port ?? config?.port ?? this.options.relayPort ?? DEFAULT_PORT,
        url: this.relay?.url ?? null,
        interfaces: relayInterfaces(),
        error: this.relayError,
      },
      attempt: attempt && {
        id: attempt.id,
        url: attempt.url,
        expiresAt: attempt.expiresAt,
        state: attempt.state,
        code: attempt.state === 'confirming' || attempt.state === 'paired' ? attempt.code : null,
        phoneName: attempt.phoneName,
        phoneConfirmed: attempt.phoneConfirmed,
        desktopConfirmed: attempt.desktopConfirmed,
        error: attempt.error,
      },
      phones: this.phones(),
    };
  }

  private changed(): PairingView {
    const view = this.view();
    this.options.events.emit('pairing.changed', view);
    return view;
  }
}

function phoneTransaction(transaction: UnsignedTransaction): SignRequestMessage['tx'] {
  const common = {
    nonce: transaction.nonce,
    to: transaction.to,
    value: transaction.value.toString(),
    data: transaction.data,
    gasLimit: transaction.gasLimit.toString(),
  };
  return transaction.type === 2
    ? {
        type: 2,
        ...common,
        maxFeePerGas: transaction.maxFeePerGas.toString(),
        maxPriorityFeePerGas: transaction.maxPriorityFeePerGas.toString(),
      }
    : { type: 0, ...common, gasPrice: transaction.gasPrice.toString() };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
