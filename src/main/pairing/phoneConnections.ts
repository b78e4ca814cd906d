import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { PhoneMessage } from '../../shared/pairing/messages';
import { NoiseHandshake } from '../../shared/pairing/noise';
import { PairingError } from '../../shared/pairing/pairingError';
import type { RelayLink } from '../../shared/pairing/relayLink';
import { deriveSessionSecrets, handshakePrologue } from '../../shared/pairing/sessionKeys';
import type { Logger } from '../log';
import { DeviceError } from '../../shared/deviceError';
import { IDLE_EXPIRY_MS, type PairedPhones } from './pairedPhones';
import type { PairingKeys } from './pairingKeys';
import type { PhonePairingsRepository } from './phonePairingsRepository';
import type { PhoneRequests } from './phoneRequests';
import type { PairedSession, PhoneSession, PhoneSessions } from './phoneSessions';
import { PhoneSyncBridge, type PhoneSync } from './phoneSyncBridge';

/** An inbox stays open as long as its phone may stay away before the pairing expires. */
const INBOX_TTL_SECONDS = IDLE_EXPIRY_MS / 1000;

export interface PhoneConnectionsOptions {
  link(): RelayLink | null;
  pairings: PhonePairingsRepository;
  phones: PairedPhones;
  keys: PairingKeys;
  sessions: PhoneSessions;
  requests: PhoneRequests;
  /** State sync, which paired phones join; absent where it is not wired. */
  sync?: PhoneSync;
  log: Logger;
  /** The phone accounts changed: a phone was paired or is gone. */
  accountsChanged(): void;
  changed(): void;
}

/**
 * Paired phones on the relay: the inboxes they knock on, their resume handshakes, what they send, and their
 * end when either side revokes or the pairing expires.
 */
export class PhoneConnections {
  private readonly sync: PhoneSyncBridge;

  constructor(private readonly options: PhoneConnectionsOptions) {
    const { sessions, phones, log } = options;
    this.sync = new PhoneSyncBridge({
      sync: options.sync,
      transmit: (session, message) => sessions.transmit(session, message),
      phoneName: (fingerprint) => phones.name(fingerprint),
      log,
    });
  }

  /** The relay just started: each paired phone's inboxes open again, unless its pairing expired meanwhile. */
  openInboxes(): void {
    const { pairings, phones } = this.options;
    const link = this.options.link();
    if (!link) return;
    for (const pairing of pairings.list()) {
      const device = phones.device(pairing.fingerprint);
      if (!device) continue;
      if (phones.isExpired(device.lastSeenAt)) {
        this.forget(pairing.fingerprint, 'The pairing expired after 7 days without contact.');
        continue;
      }
      link.open(hexToBytes(pairing.inbox), INBOX_TTL_SECONDS);
      if (pairing.previousInbox) link.open(hexToBytes(pairing.previousInbox), INBOX_TTL_SECONDS);
    }
  }

  /** A phone was just stored: it joins sync, and its first inbox opens. */
  async paired(session: PhoneSession, inbox: Uint8Array): Promise<void> {
    await this.sync.welcome(session);
    this.options.link()?.open(inbox, INBOX_TTL_SECONDS);
    this.options.accountsChanged();
  }

  /** A paired phone knocks on one of its inboxes to open a new session. */
  async resume(rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array): Promise<void> {
    const { pairings, keys, sessions } = this.options;
    const inbox = bytesToHex(rendezvous);
    const pairing = pairings.byInbox(inbox);
    if (!pairing) throw new PairingError('unknown_phone', 'A knock on an inbox no phone holds.');
    const knockedCurrent = pairing.inbox === inbox;
    const psk = await keys.resumeKey(pairing.fingerprint, knockedCurrent ? 'current' : 'previous');
    const noise = new NoiseHandshake({
      role: 'responder',
      prologue: handshakePrologue('resume', rendezvous),
      staticKey: await keys.desktopKey(),
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
    await keys.saveResumeKeys(pairing.fingerprint, secrets.resumePsk, psk);
    pairings.rotate(pairing.fingerprint, bytesToHex(secrets.inbox), inbox);
    const link = this.options.link();
    if (!knockedCurrent) link?.close(hexToBytes(pairing.inbox));
    link?.open(secrets.inbox, INBOX_TTL_SECONDS);
    link?.open(rendezvous, INBOX_TTL_SECONDS);
    sessions.dropPhone(pairing.fingerprint);
    sessions.open(pairing.fingerprint, secrets, result);
    link?.send(replyRoute, reply);
  }

  received(session: PairedSession, message: PhoneMessage, first: boolean): void {
    const { fingerprint } = session;
    if (first) this.arrived(fingerprint);
    switch (message.t) {
      case 'signed':
        this.options.requests.signed(fingerprint, message.id, message.signature);
        return;
      case 'rejected':
        this.options.requests.rejected(fingerprint, message.id, message.reason);
        return;
      case 'revoke':
        this.options.sessions.drop(session);
        this.forget(fingerprint, 'The phone revoked this desktop.');
        this.options.changed();
        return;
      case 'syncHello':
      case 'syncMember':
      case 'syncBlobs':
        this.sync.received(session, fingerprint, message);
        return;
      default:
        return;
    }
  }

  /** Tells the phone, if it is online, then forgets it. */
  revoke(fingerprint: string): void {
    this.options.sessions.sendToPhone(fingerprint, { t: 'revoke' });
    this.forget(fingerprint, 'This phone was revoked on the desktop.');
  }

  /** The phone's inboxes close, its sessions end, and its account, keys and open requests go. */
  forget(fingerprint: string, reason: string): void {
    const { pairings, phones, keys, sessions } = this.options;
    const pairing = pairings.get(fingerprint);
    const link = this.options.link();
    if (pairing) {
      link?.close(hexToBytes(pairing.inbox));
      if (pairing.previousInbox) link?.close(hexToBytes(pairing.previousInbox));
    }
    sessions.endPhone(fingerprint);
    phones.remove(fingerprint);
    keys.forgetResumeKeys(fingerprint);
    this.sync.removed(fingerprint);
    this.options.requests.drop(
      fingerprint,
      new DeviceError('disconnected', reason, 'Pair the phone again to sign with it.'),
    );
    this.options.accountsChanged();
  }

  /** The phone's first frame on a new session. */
  private arrived(fingerprint: string): void {
    // The phone holds the rotated keys: its previous inbox is no longer needed.
    const pairing = this.options.pairings.get(fingerprint);
    if (pairing?.previousInbox) {
      this.options.link()?.close(hexToBytes(pairing.previousInbox));
      this.options.pairings.forgetPrevious(fingerprint);
    }
    this.options.phones.seen(fingerprint);
    this.options.requests.connected(fingerprint);
    this.options.changed();
  }
}
