import { base64urlnopad } from '@scure/base';
import { PairingError } from './pairingError';

export const INVITE_VERSION = 1;
/** The longest a QR code may stay valid; the desktop shows a countdown to it. */
export const INVITE_LIFETIME_MS = 120_000;
/** Clock skew between the desktop and the phone that is still accepted. */
const SKEW_MS = 5_000;
const FIXED_LENGTH = 1 + 16 + 32 + 32 + 8;
const MAX_RELAY_LENGTH = 200;

/** What the QR code carries: where to go, which rendezvous, whose key to expect and the one-time secret. */
export interface Invite {
  rendezvous: Uint8Array;
  desktopKey: Uint8Array;
  psk: Uint8Array;
  expiresAt: number;
  /** The relay's WebSocket address, ws://host:port/relay. */
  relay: string;
}

const invalid = (detail: string) =>
  new PairingError('invalid_invite', `This is not a valid pairing code (${detail}). Scan the QR code again.`);

export function encodeInvite(invite: Invite): Uint8Array {
  const relay = new TextEncoder().encode(invite.relay);
  if (invite.rendezvous.length !== 16 || invite.desktopKey.length !== 32 || invite.psk.length !== 32) {
    throw invalid('wrong key sizes');
  }
  if (relay.length > MAX_RELAY_LENGTH) throw invalid('relay address too long');
  const bytes = new Uint8Array(FIXED_LENGTH + relay.length);
  bytes[0] = INVITE_VERSION;
  bytes.set(invite.rendezvous, 1);
  bytes.set(invite.desktopKey, 17);
  bytes.set(invite.psk, 49);
  new DataView(bytes.buffer).setBigUint64(81, BigInt(invite.expiresAt), false);
  bytes.set(relay, FIXED_LENGTH);
  return bytes;
}

export function decodeInvite(bytes: Uint8Array, now: number): Invite {
  if (bytes.length < FIXED_LENGTH + 'ws://'.length) throw invalid('too short');
  if (bytes.length > FIXED_LENGTH + MAX_RELAY_LENGTH) throw invalid('too long');
  if (bytes[0] !== INVITE_VERSION) {
    throw new PairingError(
      'invalid_invite',
      `This pairing code is version ${String(bytes[0])}; this companion speaks version ${INVITE_VERSION}. Update the one that is older.`,
    );
  }
  const expiresAt = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(81, false));
  if (expiresAt <= now) {
    throw new PairingError('invite_expired', 'This pairing code expired. Show a new one on the desktop.');
  }
  if (expiresAt > now + INVITE_LIFETIME_MS + SKEW_MS) throw invalid('it claims to stay valid too long');
  let relay: string;
  try {
    relay = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED_LENGTH));
  } catch {
    throw invalid('the relay address is not text');
  }
  if (!/^wss?:\/\/[^\s/]+(\/\S*)?$/.test(relay)) throw invalid('the relay address is not a WebSocket URL');
  return {
    rendezvous: bytes.slice(1, 17),
    desktopKey: bytes.slice(17, 49),
    psk: bytes.slice(49, 81),
    expiresAt,
    relay,
  };
}

/** The URL the QR code shows: the companion's page, with the invite in the fragment browsers never send. */
export function inviteUrl(companionUrl: string, invite: Invite): string {
  return `${companionUrl.replace(/#.*$/, '')}#${base64urlnopad.encode(encodeInvite(invite))}`;
}

export function parseInviteUrl(url: string, now: number): Invite {
  const hash = url.indexOf('#');
  if (hash < 0) throw invalid('no invite in the link');
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(url.slice(hash + 1));
  } catch {
    throw invalid('the link is damaged');
  }
  return decodeInvite(bytes, now);
}
