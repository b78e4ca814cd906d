import { base64urlnopad } from '@scure/base';
import { PairingError } from '../pairing/pairingError';

export const BRIDGE_CODE_PREFIX = 'ledgerline-extension:';
export const BRIDGE_INVITE_VERSION = 1;
/** The longest a pairing code may stay valid. */
export const BRIDGE_INVITE_LIFETIME_MS = 120_000;
/** Clock skew between the desktop and the browser that is still accepted. */
const SKEW_MS = 5_000;
const LENGTH = 1 + 16 + 32 + 32 + 8 + 2;
/** 91 bytes are 122 base64url characters; anything much longer is not a code. */
const MAX_CODE_LENGTH = BRIDGE_CODE_PREFIX.length + 128;

/** What the pairing code carries: which rendezvous, whose key to expect, the one-time secret, the port. */
export interface BridgeInvite {
  rendezvous: Uint8Array;
  desktopKey: Uint8Array;
  psk: Uint8Array;
  expiresAt: number;
  port: number;
}

const invalid = (detail: string) =>
  new PairingError(
    'invalid_invite',
    `This is not a valid pairing code (${detail}). Copy it again from Ledgerline's Paired browsers.`,
  );

export function encodeBridgeCode(invite: BridgeInvite): string {
  const { rendezvous, desktopKey, psk, expiresAt, port } = invite;
  if (rendezvous.length !== 16 || desktopKey.length !== 32 || psk.length !== 32)
    throw invalid('wrong key sizes');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid('no usable port');
  const bytes = new Uint8Array(LENGTH);
  const view = new DataView(bytes.buffer);
  bytes[0] = BRIDGE_INVITE_VERSION;
  bytes.set(rendezvous, 1);
  bytes.set(desktopKey, 17);
  bytes.set(psk, 49);
  view.setBigUint64(81, BigInt(expiresAt), false);
  view.setUint16(89, port, false);
  return BRIDGE_CODE_PREFIX + base64urlnopad.encode(bytes);
}

/** Reads a code the user pasted (surrounding white space allowed); throws a PairingError in words. */
export function decodeBridgeCode(text: string, now: number): BridgeInvite {
  const code = text.trim();
  if (code.length > MAX_CODE_LENGTH) throw invalid('too long');
  if (!code.startsWith(BRIDGE_CODE_PREFIX)) throw invalid(`it does not start with ${BRIDGE_CODE_PREFIX}`);
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(code.slice(BRIDGE_CODE_PREFIX.length));
  } catch {
    throw invalid('it is damaged');
  }
  if (bytes.length !== LENGTH) throw invalid(bytes.length < LENGTH ? 'too short' : 'too long');
  if (bytes[0] !== BRIDGE_INVITE_VERSION) {
    throw new PairingError(
      'invalid_invite',
      `This pairing code is version ${String(bytes[0])}; this extension speaks version ${BRIDGE_INVITE_VERSION}. Update the one that is older.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expiresAt = Number(view.getBigUint64(81, false));
  if (expiresAt <= now) {
    throw new PairingError('invite_expired', 'This pairing code expired. Show a new one in Ledgerline.');
  }
  if (expiresAt > now + BRIDGE_INVITE_LIFETIME_MS + SKEW_MS)
    throw invalid('it claims to stay valid too long');
  const port = view.getUint16(89, false);
  if (port === 0) throw invalid('no usable port');
  return {
    rendezvous: bytes.slice(1, 17),
    desktopKey: bytes.slice(17, 49),
    psk: bytes.slice(49, 81),
    expiresAt,
    port,
  };
}
