import { createHash, randomBytes } from 'node:crypto';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { ApiError } from '../../shared/api/envelope';
import type { PairingAttempt } from '../../shared/pairing';
import { INVITE_LIFETIME_MS, inviteUrl } from '../../shared/pairing/invite';
import type { PhoneMessage } from '../../shared/pairing/messages';
import { NoiseHandshake } from '../../shared/pairing/noise';
import type { RelayLink } from '../../shared/pairing/relayLink';
import {
  checkHandshakeSize,
  deriveSessionSecrets,
  handshakePrologue,
  shortAuthenticationString,
  type SessionSecrets,
} from '../../shared/pairing/sessionKeys';
import type { Logger } from '../log';
import { toChecksumAddress, type ChecksumAddress } from '../store/address';
import type { NewPhone } from './pairedPhones';
import type { PairingKeys } from './pairingKeys';
import type { PhoneSession, PhoneSessions } from './phoneSessions';

/** How long both sides have to compare the codes once the phone said hello. */
const CONFIRM_WINDOW_MS = 5 * 60_000;
/**
 * How long a used QR code waits for the phone's `hello`. An honest phone sends it as soon as message 2
 * arrives, one relay hop after its knock; the phone itself gives up on message 2 after 10 s.
 */
export const HELLO_WINDOW_MS = 10_000;

interface Attempt extends PairingAttempt {
  rendezvous: Uint8Array;
  psk: Uint8Array;
  timer: ReturnType<typeof setTimeout>;
  session: PhoneSession | null;
  secrets: SessionSecrets | null;
  phoneKey: string | null;
  phoneAddress: ChecksumAddress | null;
}

export interface PairingAttemptsOptions {
  link(): RelayLink | null;
  keys: PairingKeys;
  sessions: PhoneSessions;
  /** Stores the phone; throws when the store refuses it. */
  store(phone: NewPhone): void;
  /** After the phone was stored and told so, on its session, with its first inbox. */
  paired(session: PhoneSession, inbox: Uint8Array): Promise<void>;
  desktopName: string;
  now: () => number;
  log: Logger;
  changed(): void;
}

/**
 * The QR code on screen and what follows it: the phone's handshake, the six digits both screens show, and
 * the phone stored once both sides confirmed them. One attempt at a time; a new QR code ends the last.
 */
export class PairingAttempts {
  private attempt: Attempt | null = null;

  constructor(private readonly options: PairingAttemptsOptions) {}

  /** Shows a new QR code for the relay at `relay`, ending any attempt before it. */
  async start(relay: { url: string; wsUrl: string }, link: RelayLink): Promise<void> {
    this.end();
    const key = await this.options.keys.desktopKey();
    const rendezvous = randomBytes(16);
    const psk = randomBytes(32);
    const expiresAt = this.options.now() + INVITE_LIFETIME_MS;
    const url = inviteUrl(relay.url, {
      rendezvous,
      desktopKey: key.publicKey,
      psk,
      expiresAt,
      relay: relay.wsUrl,
    });
    link.open(rendezvous, INVITE_LIFETIME_MS / 1000);
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
      timer: setTimeout(() => this.expire(id), INVITE_LIFETIME_MS),
    };
    this.attempt.timer.unref?.();
  }

  async confirm(id: string, matches: boolean): Promise<void> {
    const attempt = this.current(id);
    if (attempt.state !== 'confirming' || !attempt.code) {
      throw new ApiError('invalid_state', 'There is no code to confirm yet: wait for the phone to connect.');
    }
    if (!matches) {
      this.fail('You said the codes differ. Nothing was paired; show a new QR code to try again.', true);
      return;
    }
    attempt.desktopConfirmed = true;
    await this.completeIfConfirmed(attempt);
  }

  cancel(id: string): void {
    if (isOpen(this.current(id))) this.fail('Pairing was cancelled on the desktop.', true);
    this.end();
  }

  /** The id of the attempt whose QR code carries this rendezvous, if one does. */
  shownWith(rendezvous: Uint8Array): string | null {
    return this.attempt && equal(this.attempt.rendezvous, rendezvous) ? this.attempt.id : null;
  }

  /**
   * Answers the handshake of a phone that scanned the QR code; false when the knock is not on a QR code
   * still waiting for one.
   */
  async handshake(rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array): Promise<boolean> {
    const attempt = this.attempt;
    if (!attempt || attempt.state !== 'waiting' || !equal(attempt.rendezvous, rendezvous)) return false;
    const noise = new NoiseHandshake({
      role: 'responder',
      prologue: handshakePrologue('pair', attempt.rendezvous),
      staticKey: await this.options.keys.desktopKey(),
      psk: attempt.psk,
    });
    checkHandshakeSize(handshake, 1);
    noise.readMessage(handshake);
    const reply = noise.writeMessage();
    const result = noise.split();
    const secrets = deriveSessionSecrets(result);
    attempt.session = this.options.sessions.open(null, secrets, result);
    attempt.phoneKey = bytesToHex(result.remoteStatic);
    attempt.code = shortAuthenticationString(result);
    attempt.secrets = secrets;
    // The relay deleted the rendezvous at the knock, so the code on screen is spent whoever knocked: the
    // desktop says so at once. The attempt goes on only when the phone's first sealed message (its hello)
    // opens: that proves it has the pre-shared key from the QR, which with psk2 message 1 does not.
    attempt.state = 'used';
    this.restartTimer(attempt, HELLO_WINDOW_MS);
    this.options.changed();
    this.options.link()?.send(replyRoute, reply);
    return true;
  }

  /** A handshake on the attempt's rendezvous failed: the attempt `id` fails, if it is still the one shown. */
  handshakeFailed(id: string, reason: string): void {
    if (this.attempt?.id !== id) return;
    this.fail(`A phone tried to pair but the handshake failed: ${reason} Show a new QR code.`, false);
    this.options.changed();
  }

  /** A message on the attempt's session. */
  received(session: PhoneSession, message: PhoneMessage): void {
    const attempt = this.attempt;
    if (!attempt || attempt.session !== session) return;
    if (attempt.state === 'used' && message.t !== 'hello') {
      // The first message MUST be hello: a phone that opens with anything else does not speak the protocol.
      this.fail(
        `A phone used this QR code but opened with '${message.t}' instead of hello. Nothing was paired. ` +
          'Show a new QR code.',
        false,
      );
    } else if (message.t === 'hello' && attempt.state === 'used') {
      attempt.state = 'confirming';
      attempt.phoneName = message.phone.name;
      attempt.phoneAddress = toChecksumAddress(message.phone.address);
      this.restartTimer(attempt, CONFIRM_WINDOW_MS);
    } else if (message.t === 'confirm' && attempt.state === 'confirming') {
      if (message.sas !== attempt.code) {
        this.fail(
          `The phone confirmed the code ${message.sas}, but this desktop shows ${attempt.code}. ` +
            'Nothing was paired: someone may be interfering. Show a new QR code.',
          true,
        );
      } else {
        attempt.phoneConfirmed = true;
        void this.completeIfConfirmed(attempt).then(() => this.options.changed());
      }
    } else if (message.t === 'abort') {
      this.fail('The phone said the codes differ. Nothing was paired.', false);
    } else {
      this.options.log.warn('a pairing phone sent a message out of turn', { type: message.t });
      return;
    }
    this.options.changed();
  }

  /** Takes the attempt off the screen, closing what it still holds open on the relay. */
  end(): void {
    if (!this.attempt) return;
    if (isOpen(this.attempt)) this.closeRoutes(this.attempt);
    clearTimeout(this.attempt.timer);
    this.attempt = null;
  }

  view(): PairingAttempt | null {
    const attempt = this.attempt;
    return (
      attempt && {
        id: attempt.id,
        url: attempt.url,
        expiresAt: attempt.expiresAt,
        state: attempt.state,
        code: attempt.state === 'confirming' || attempt.state === 'paired' ? attempt.code : null,
        phoneName: attempt.phoneName,
        phoneConfirmed: attempt.phoneConfirmed,
        desktopConfirmed: attempt.desktopConfirmed,
        error: attempt.error,
      }
    );
  }

  private async completeIfConfirmed(attempt: Attempt): Promise<void> {
    if (!attempt.phoneConfirmed || !attempt.desktopConfirmed || attempt.state !== 'confirming') return;
    const { secrets, phoneKey, phoneAddress, phoneName, session } = attempt;
    if (!secrets || !phoneKey || !phoneAddress || !phoneName || !session) return;
    const fingerprint = createHash('sha256').update(hexToBytes(phoneKey)).digest('hex').slice(0, 16);
    const { keys, sessions } = this.options;
    await keys.saveResumeKeys(fingerprint, secrets.resumePsk);
    try {
      this.options.store({
        fingerprint,
        name: phoneName,
        phoneKey,
        address: phoneAddress,
        inbox: bytesToHex(secrets.inbox),
      });
    } catch (error) {
      keys.forgetResumeKeys(fingerprint);
      this.fail(
        `The phone could not be stored: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
      return;
    }
    session.fingerprint = fingerprint;
    session.lastFrameAt = this.options.now();
    attempt.state = 'paired';
    clearTimeout(attempt.timer);
    sessions.transmit(session, { t: 'paired', desktop: { name: this.options.desktopName } });
    await this.options.paired(session, secrets.inbox);
  }

  private current(id: string): Attempt {
    if (!this.attempt || this.attempt.id !== id) {
      throw new ApiError('not_found', 'That pairing code is not shown any more. Show a new one.');
    }
    return this.attempt;
  }

  private fail(error: string, tellPhone: boolean): void {
    const attempt = this.attempt;
    if (!attempt) return;
    if (tellPhone && attempt.session)
      this.options.sessions.transmit(attempt.session, { t: 'abort', reason: error });
    attempt.state = 'failed';
    attempt.error = error;
    this.closeRoutes(attempt);
  }

  private expire(id: string): void {
    const attempt = this.attempt;
    if (!attempt || attempt.id !== id || !isOpen(attempt)) return;
    if (attempt.state === 'confirming') {
      this.fail('The codes were not confirmed in time. Show a new QR code.', true);
    } else if (attempt.state === 'used') {
      this.fail('This QR code was used, but no phone finished pairing with it. Show a new QR code.', false);
    } else {
      attempt.state = 'expired';
      attempt.error = 'The QR code expired before a phone scanned it.';
      this.closeRoutes(attempt);
    }
    this.options.changed();
  }

  private restartTimer(attempt: Attempt, ms: number): void {
    clearTimeout(attempt.timer);
    attempt.timer = setTimeout(() => this.expire(attempt.id), ms);
    attempt.timer.unref?.();
  }

  private closeRoutes(attempt: Attempt): void {
    clearTimeout(attempt.timer);
    this.options.link()?.close(attempt.rendezvous);
    if (attempt.session && attempt.session.fingerprint === null) this.options.sessions.end(attempt.session);
  }
}

/** Still shown and not yet over: the QR code, a used code waiting for hello, or the codes being compared. */
function isOpen(attempt: Attempt): boolean {
  return attempt.state === 'waiting' || attempt.state === 'used' || attempt.state === 'confirming';
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
