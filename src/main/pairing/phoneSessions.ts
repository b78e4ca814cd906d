import { bytesToHex } from '@noble/hashes/utils.js';
import {
  decodePhoneMessage,
  encodeMessage,
  type DesktopMessage,
  type PhoneMessage,
} from '../../shared/pairing/messages';
import { PairingError } from '../../shared/pairing/pairingError';
import type { RelayLink } from '../../shared/pairing/relayLink';
import { SecureChannel } from '../../shared/pairing/secureChannel';
import type { SessionSecrets } from '../../shared/pairing/sessionKeys';
import type { Logger } from '../log';
import type { PhoneRequestMessage } from './phoneRequests';

/** A phone counts as online while a frame (its 20 s ping at least) arrived this recently. */
const ONLINE_WINDOW_MS = 45_000;

export interface PhoneSession {
  /** Null while the session belongs to a pairing attempt. */
  fingerprint: string | null;
  channel: SecureChannel;
  lastFrameAt: number;
  /** Stops pushing sync blobs to this session. */
  detachSync?: () => void;
}

export type PairedSession = PhoneSession & { fingerprint: string };

export interface PhoneSessionsOptions {
  link(): RelayLink | null;
  now: () => number;
  log: Logger;
  /** A message on the session of a pairing attempt. */
  fromPairingPhone(session: PhoneSession, message: PhoneMessage): void;
  /** A message from a paired phone; `first` on its session's first frame. */
  fromPhone(session: PairedSession, message: PhoneMessage, first: boolean): void;
}

/**
 * The encrypted sessions with phones, one per handshake, keyed by their relay route. Frames are opened here:
 * one that does not open under the session's keys is dropped with a log line, and the session goes on.
 */
export class PhoneSessions {
  private readonly byRoute = new Map<string, PhoneSession>();

  constructor(private readonly options: PhoneSessionsOptions) {}

  open(
    fingerprint: string | null,
    secrets: SessionSecrets,
    keys: { send: Uint8Array; receive: Uint8Array },
  ): PhoneSession {
    const session: PhoneSession = {
      fingerprint,
      channel: new SecureChannel({ route: secrets.route, send: keys.send, receive: keys.receive }),
      lastFrameAt: 0,
    };
    this.byRoute.set(bytesToHex(secrets.route), session);
    this.options.link()?.listen(secrets.route);
    return session;
  }

  received(route: Uint8Array, frame: Uint8Array): void {
    const session = this.byRoute.get(bytesToHex(route));
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
    session.lastFrameAt = this.options.now();
    if (session.fingerprint === null) this.options.fromPairingPhone(session, message);
    else this.options.fromPhone(session as PairedSession, message, first);
  }

  transmit(session: PhoneSession, message: DesktopMessage): void {
    const link = this.options.link();
    if (!link) return;
    for (const frame of session.channel.seal(encodeMessage(message))) link.send(session.channel.route, frame);
  }

  sendToPhone(fingerprint: string, message: DesktopMessage): void {
    for (const session of this.byRoute.values()) {
      if (session.fingerprint === fingerprint) this.transmit(session, message);
    }
  }

  sendToPairedPhones(message: DesktopMessage): void {
    for (const session of this.byRoute.values()) {
      if (session.fingerprint) this.transmit(session, message);
    }
  }

  /** Sends on the phone's first online session; false when it has none. */
  deliver(fingerprint: string, message: PhoneRequestMessage): boolean {
    for (const session of this.byRoute.values()) {
      if (session.fingerprint === fingerprint && this.isOnline(session)) {
        this.transmit(session, message);
        return true;
      }
    }
    return false;
  }

  online(fingerprint: string): boolean {
    return [...this.byRoute.values()].some(
      (session) => session.fingerprint === fingerprint && this.isOnline(session),
    );
  }

  /** Forgets the session; its route stays listened to. */
  drop(session: PhoneSession): void {
    this.byRoute.delete(bytesToHex(session.channel.route));
  }

  /** Forgets the phone's sessions, which a newer handshake replaces; their routes stay listened to. */
  dropPhone(fingerprint: string): void {
    for (const session of this.byRoute.values()) {
      if (session.fingerprint === fingerprint) this.drop(session);
    }
  }

  /** Forgets the session and stops listening on its route. */
  end(session: PhoneSession): void {
    this.drop(session);
    this.options.link()?.unlisten(session.channel.route);
  }

  /** Ends the phone's sessions and the sync they carried. */
  endPhone(fingerprint: string): void {
    for (const session of this.byRoute.values()) {
      if (session.fingerprint === fingerprint) {
        session.detachSync?.();
        this.end(session);
      }
    }
  }

  /** The relay went away, and every route with it. */
  clear(): void {
    this.byRoute.clear();
  }

  private isOnline(session: PhoneSession): boolean {
    return this.options.now() - session.lastFrameAt < ONLINE_WINDOW_MS;
  }
}
