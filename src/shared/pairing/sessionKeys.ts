import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { HandshakeResult } from './noise';
import { PairingError } from './pairingError';

const EMPTY = new Uint8Array(0);
const label = (name: string) => utf8ToBytes(`ledgerline/1 ${name}`);

/** What both sides derive from a completed handshake, besides the two transport keys. */
export interface SessionSecrets {
  /** Where this session's frames travel on the relay; new every handshake, so it names no device. */
  route: Uint8Array;
  /** The pre-shared key of this phone's next resume handshake. */
  resumePsk: Uint8Array;
  /** The rendezvous id of this phone's next resume handshake. */
  inbox: Uint8Array;
}

/** Secrets come from the chaining key: the transcript hash is computable by anyone who saw the messages. */
export function deriveSessionSecrets(result: Pick<HandshakeResult, 'chainingKey'>): SessionSecrets {
  const derive = (name: string, length: number) =>
    hkdf(sha256, result.chainingKey, EMPTY, label(name), length);
  return { route: derive('route', 16), resumePsk: derive('resume', 32), inbox: derive('inbox', 16) };
}

/**
 * The six digits both screens show. Derived from the transcript hash, so a relay that ran two handshakes
 * (one with each side) would make the screens disagree; it need not be secret, only bound to the transcript.
 */
export function shortAuthenticationString(result: Pick<HandshakeResult, 'handshakeHash'>): string {
  const bytes = hkdf(sha256, result.handshakeHash, EMPTY, label('sas'), 4);
  const value = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  return String(value % 1_000_000).padStart(6, '0');
}

export type HandshakeMode = 'pair' | 'resume';

/** With empty payloads, message 1 is e, the encrypted s and a tag; message 2 is e and a tag. */
const HANDSHAKE_SIZES = { 1: 32 + 32 + 16 + 16, 2: 32 + 16 } as const;

/**
 * Handshake payloads are empty, so each message has exactly one size. Noise itself would read a payload
 * after the keys; this protocol refuses it, so that both sides accept exactly what the other one may send.
 */
export function checkHandshakeSize(message: Uint8Array, which: 1 | 2): void {
  if (message.length !== HANDSHAKE_SIZES[which]) {
    throw new PairingError(
      'handshake_failed',
      `Handshake message ${which} is ${message.length} bytes, not ${HANDSHAKE_SIZES[which]}.`,
    );
  }
}

/** Binds the handshake to the protocol version, its purpose and the rendezvous it was started on. */
export function handshakePrologue(mode: HandshakeMode, rendezvous: Uint8Array): Uint8Array {
  const name = utf8ToBytes('ledgerline-pairing/1');
  const prologue = new Uint8Array(name.length + 1 + rendezvous.length);
  prologue.set(name);
  prologue[name.length] = mode === 'pair' ? 1 : 2;
  prologue.set(rendezvous, name.length + 1);
  return prologue;
}
