import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { PhoneMessage } from '../../shared/pairing/messages';
import { NoiseHandshake } from '../../shared/pairing/noise';
import { PairingError } from '../../shared/pairing/pairingError';
import type { RelayLink } from '../../shared/pairing/relayLink';
import {
  checkHandshakeSize,
  deriveSessionSecrets,
  handshakePrologue,
} from '../../shared/pairing/sessionKeys';
import type { Logger } from '../log';
import { DeviceError } from '../../shared/deviceError';
import { IDLE_EXPIRY_MS, type PairedPhones } from './pairedPhones';
import type { PairingKeys } from './pairingKeys';
import type { PhonePairing, PhonePairingsRepository } from './phonePairingsRepository';
import type { PhoneRequests } from './phoneRequests';
import type { PairedSession, PhoneSession, PhoneSessions } from './phoneSessions';
import { PhoneSyncBridge, type PhoneSync } from './phoneSyncBridge';

/** An inbox stays open as long as its phone may stay away before the pairing expires. */
const INBOX_TTL_SECONDS = IDLE_EXPIRY_MS / 1000;
/** Answered knocks remembered per phone until it shows it holds the new keys: its retries, with room. */
const REMEMBERED_KNOCKS = 16;

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
  /** Per phone, the ephemeral keys of the knocks answered since its last verified first frame. */
  private readonly answeredKnocks = new Map<string, string[]>();

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

  /**
   * A paired phone knocks on one of its inboxes to open a new session. A knock that is refused leaves the
   * inbox open again: the relay deleted it at the knock, and anyone on the LAN can knock, so closing it for
   * good would let one junk knock force the phone to pair again.
   */
  async resume(rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array): Promise<void> {
    const pairing = this.options.pairings.byInbox(bytesToHex(rendezvous));
    if (!pairing) throw new PairingError('unknown_phone', 'A knock on an inbox no phone holds.');
    try {
      await this.answer(pairing, rendezvous, replyRoute, handshake);
    } catch (error) {
      this.options.link()?.open(rendezvous, INBOX_TTL_SECONDS);
      throw error;
    }
  }

  received(session: PairedSession, message: PhoneMessage, first: boolean): void {
    const { fingerprint } = session;
    if (first && message.t !== 'resume') {
      // The first message MUST be resume. Only the session is refused: both inboxes stay open, so the phone
      // can knock again, and nothing it sent counts as contact.
      this.options.log.warn('a resuming phone opened with another message', { type: message.t });
      this.options.sessions.end(session);
      return;
    }
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
    this.answeredKnocks.delete(fingerprint);
    phones.remove(fingerprint);
    keys.forgetResumeKeys(fingerprint);
    this.sync.removed(fingerprint);
    this.options.requests.drop(
      fingerprint,
      new DeviceError('disconnected', reason, 'Pair the phone again to sign with it.'),
    );
    this.options.accountsChanged();
  }

  /** Reads the knock's message 1, and answers it on fresh keys once the next inbox and key are stored. */
  private async answer(
    pairing: PhonePairing,
    rendezvous: Uint8Array,
    replyRoute: Uint8Array,
    handshake: Uint8Array,
  ): Promise<void> {
    const { pairings, keys, sessions } = this.options;
    const inbox = bytesToHex(rendezvous);
    const knockedCurrent = pairing.inbox === inbox;
    const psk = await keys.resumeKey(pairing.fingerprint, knockedCurrent ? 'current' : 'previous');
    const noise = new NoiseHandshake({
      role: 'responder',
      prologue: handshakePrologue('resume', rendezvous),
      staticKey: await keys.desktopKey(),
      psk,
    });
    checkHandshakeSize(handshake, 1);
    noise.readMessage(handshake);
    if (bytesToHex(noise.remoteStatic ?? new Uint8Array()) !== pairing.phoneKey) {
      throw new PairingError('handshake_failed', 'A resume came from a key that is not the paired phone’s.');
    }
    this.rememberKnock(pairing.fingerprint, handshake);
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

  /**
   * Message 1 does not depend on the resume key (psk2), so a relay could replay the phone's last one on the
   * inbox kept open for it, and the rotation that answer causes would close the inbox the phone just
   * learned. An honest phone uses a fresh ephemeral key for every knock, so a repeated one is a replay.
   */
  private rememberKnock(fingerprint: string, handshake: Uint8Array): void {
    const ephemeral = bytesToHex(handshake.subarray(0, 32));
    const answered = this.answeredKnocks.get(fingerprint) ?? [];
    if (answered.includes(ephemeral))
      throw new PairingError('handshake_failed', 'A replayed handshake message was refused.');
    this.answeredKnocks.set(fingerprint, [...answered, ephemeral].slice(-REMEMBERED_KNOCKS));
  }

  /** The phone's first frame on a new session. */
  private arrived(fingerprint: string): void {
    // Its knocked inbox closes now, and with it the only place an earlier message 1 could be replayed.
    this.answeredKnocks.delete(fingerprint);
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
