import { randomBytes } from '@noble/hashes/utils.js';
import { encodeMessage, type PhoneMessage } from '../../shared/pairing/messages';
import { keyPairFrom, NoiseHandshake } from '../../shared/pairing/noise';
import { PairingError } from '../../shared/pairing/pairingError';
import type { ConnectRelay, RelayLink } from '../../shared/pairing/relayLink';
import { RelayErrorCode } from '../../shared/pairing/relayWire';
import { SecureChannel } from '../../shared/pairing/secureChannel';
import {
  checkHandshakeSize,
  deriveSessionSecrets,
  handshakePrologue,
  type HandshakeMode,
} from '../../shared/pairing/sessionKeys';

/** Who to reach and with which keys: the invite's for a pairing, the stored ones for a resume. */
export interface DesktopTarget {
  relay: string;
  mode: HandshakeMode;
  rendezvous: Uint8Array;
  desktopKey: Uint8Array;
  psk: Uint8Array;
  phoneStatic: Uint8Array;
}

export interface DesktopLinkHandlers {
  /** How long to wait for the desktop's handshake answer. */
  answerTimeoutMs: number;
  /** A sealed frame on the session's route, once the handshake is done. */
  frame(channel: SecureChannel, frame: Uint8Array): void;
  /** The relay connection closed after the handshake was done. */
  closed(channel: SecureChannel): void;
}

export interface DesktopLink {
  link: RelayLink;
  channel: SecureChannel;
  secrets: ReturnType<typeof deriveSessionSecrets>;
  handshakeHash: Uint8Array;
}

type Waiter = { resolve(bytes: Uint8Array): void; reject(error: Error): void };

const RESPONSE_TIMEOUT =
  'The desktop did not answer. Check that it shows the pairing page and is on this network.';

/** Runs the Noise handshake with a desktop over the relay and opens the encrypted session it agrees. */
export async function openDesktopLink(
  connectRelay: ConnectRelay,
  target: DesktopTarget,
  handlers: DesktopLinkHandlers,
): Promise<DesktopLink> {
  const replyRoute = randomBytes(16);
  let answer: Waiter | null = null;
  let session: { channel: SecureChannel } | null = null;
  const link = await connectRelay(target.relay, {
    deliver: (route, frame) => {
      if (answer && equal(route, replyRoute)) {
        answer.resolve(frame);
        answer = null;
      } else if (session && equal(route, session.channel.route)) {
        handlers.frame(session.channel, frame);
      }
    },
    error: (code, _id, message) => {
      if (answer) answer.reject(relayRefusal(code, target.mode, message));
      answer = null;
    },
    closed: () => {
      answer?.reject(new PairingError('relay_unreachable', 'The connection to the desktop closed.'));
      answer = null;
      if (session) handlers.closed(session.channel);
    },
  });
  try {
    const noise = new NoiseHandshake({
      role: 'initiator',
      prologue: handshakePrologue(target.mode, target.rendezvous),
      staticKey: keyPairFrom(target.phoneStatic),
      remoteStatic: target.desktopKey,
      psk: target.psk,
    });
    link.listen(replyRoute);
    const reply = new Promise<Uint8Array>((resolve, reject) => {
      answer = { resolve, reject };
      setTimeout(
        () => reject(new PairingError('relay_unreachable', RESPONSE_TIMEOUT)),
        handlers.answerTimeoutMs,
      );
    });
    link.knock(target.rendezvous, replyRoute, noise.writeMessage());
    const message = await reply;
    checkHandshakeSize(message, 2);
    noise.readMessage(message);
    const result = noise.split();
    const secrets = deriveSessionSecrets(result);
    const channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
    session = { channel };
    link.unlisten(replyRoute);
    link.listen(secrets.route);
    return { link, channel, secrets, handshakeHash: result.handshakeHash };
  } catch (error) {
    link.disconnect();
    throw error;
  }
}

/** Seals a message on the session's channel and sends its frames on the session's route. */
export function transmit(link: RelayLink, channel: SecureChannel, message: PhoneMessage): void {
  for (const frame of channel.seal(encodeMessage(message))) link.send(channel.route, frame);
}

/** An unknown rendezvous means the QR was used or expired when pairing, and revocation when resuming. */
function relayRefusal(code: number, mode: HandshakeMode, message: string): PairingError {
  if (code !== RelayErrorCode.unknownRendezvous) {
    return new PairingError('relay_refused', `The relay refused: ${message}`);
  }
  return mode === 'pair'
    ? new PairingError('relay_refused', 'This QR code was already used or has expired. Show a new one.')
    : new PairingError(
        'revoked',
        'The desktop does not accept this phone any more: it revoked it, or the pairing expired. Pair again.',
      );
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
