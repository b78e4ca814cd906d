import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { HandshakeResult } from '../pairing/noise';
import { PairingError } from '../pairing/pairingError';

/** The WebSocket subprotocol both ends name; another version of the wire would name another. */
export const BRIDGE_SUBPROTOCOL = 'ledgerline-bridge.1';

export type BridgeMode = 'pair' | 'resume';

const MODE_BYTE: Record<BridgeMode, number> = { pair: 1, resume: 2 };
const RENDEZVOUS_LENGTH = 16;
/** Noise message 1 with an empty payload: e (32), the sealed s (32 + 16) and the payload's tag (16). */
const MESSAGE_1_LENGTH = 96;
export const FIRST_FRAME_LENGTH = 1 + RENDEZVOUS_LENGTH + MESSAGE_1_LENGTH;
/** Noise message 2 with an empty payload: e (32) and the payload's tag (16). */
export const MESSAGE_2_LENGTH = 48;

const EMPTY = new Uint8Array(0);
const label = (name: string) => utf8ToBytes(`ledgerline/1 ${name}`);

/** Binds the handshake to this wire, its purpose and the rendezvous, so no phone handshake replays here. */
export function bridgePrologue(mode: BridgeMode, rendezvous: Uint8Array): Uint8Array {
  const name = utf8ToBytes('ledgerline-bridge/1');
  const prologue = new Uint8Array(name.length + 1 + rendezvous.length);
  prologue.set(name);
  prologue[name.length] = MODE_BYTE[mode];
  prologue.set(rendezvous, name.length + 1);
  return prologue;
}

/** What a pairing handshake leaves both sides besides the transport keys. */
export interface BridgeSecrets {
  /** Associated data of every sealed frame of this session. */
  route: Uint8Array;
  /** The browser's id: the rendezvous of each of its resumes, and its row in the desktop's store. */
  browserId: Uint8Array;
  /** The pre-shared key of each resume. */
  resumePsk: Uint8Array;
}

/** From the chaining key, which is secret; the transcript hash is not. */
export function deriveBridgeSecrets(result: Pick<HandshakeResult, 'chainingKey'>): BridgeSecrets {
  const derive = (name: string, length: number) =>
    hkdf(sha256, result.chainingKey, EMPTY, label(name), length);
  return {
    route: derive('bridge route', 16),
    browserId: derive('bridge id', 16),
    resumePsk: derive('bridge resume', 32),
  };
}

/** The extension's first frame: mode, rendezvous, Noise message 1. */
export function encodeFirstFrame(mode: BridgeMode, rendezvous: Uint8Array, message1: Uint8Array): Uint8Array {
  if (rendezvous.length !== RENDEZVOUS_LENGTH || message1.length !== MESSAGE_1_LENGTH) {
    throw new PairingError('handshake_failed', 'The first bridge frame has the wrong sizes.');
  }
  const frame = new Uint8Array(FIRST_FRAME_LENGTH);
  frame[0] = MODE_BYTE[mode];
  frame.set(rendezvous, 1);
  frame.set(message1, 1 + RENDEZVOUS_LENGTH);
  return frame;
}

export interface FirstFrame {
  mode: BridgeMode;
  rendezvous: Uint8Array;
  message1: Uint8Array;
}

export function decodeFirstFrame(frame: Uint8Array): FirstFrame {
  if (frame.length !== FIRST_FRAME_LENGTH) {
    throw new PairingError('handshake_failed', `The first bridge frame is ${frame.length} bytes.`);
  }
  const mode = frame[0] === 1 ? 'pair' : frame[0] === 2 ? 'resume' : null;
  if (!mode) throw new PairingError('handshake_failed', 'The first bridge frame names no known mode.');
  return {
    mode,
    rendezvous: frame.slice(1, 1 + RENDEZVOUS_LENGTH),
    message1: frame.slice(1 + RENDEZVOUS_LENGTH),
  };
}
