import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { PairingError } from './pairingError';

export const NOISE_PROTOCOL = 'Noise_IKpsk2_25519_ChaChaPoly_SHA256';
const DH_LEN = 32;
const TAG_LEN = 16;
const EMPTY = new Uint8Array(0);

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export function generateKeyPair(): KeyPair {
  return keyPairFrom(x25519.utils.randomSecretKey());
}

export function keyPairFrom(secretKey: Uint8Array): KeyPair {
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

/** The ChaChaPoly nonce of the Noise spec: 32 zero bits, then the counter as a little-endian uint64. */
export function noiseNonce(counter: bigint): Uint8Array {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(4, counter, true);
  return nonce;
}

/** Noise's HKDF(ck, ikm, n) is RFC 5869 HKDF with the chaining key as salt and an empty info. */
function noiseHkdf(ck: Uint8Array, ikm: Uint8Array, outputs: 2 | 3): Uint8Array[] {
  const out = hkdf(sha256, ikm, ck, EMPTY, 32 * outputs);
  return Array.from({ length: outputs }, (_, index) => out.slice(index * 32, index * 32 + 32));
}

function dh(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  try {
    return x25519.getSharedSecret(secretKey, publicKey);
  } catch {
    // A low-order point gives an all-zero secret, which noble refuses: a peer that sends one is hostile.
    throw new PairingError('handshake_failed', 'The other side sent an unusable key.');
  }
}

/** The SymmetricState of the Noise spec, with the CipherState's key and counter folded in. */
class SymmetricState {
  ck: Uint8Array;
  h: Uint8Array;
  private k: Uint8Array | null = null;
  private n = 0n;

  constructor() {
    const name = utf8ToBytes(NOISE_PROTOCOL);
    // Longer than HASHLEN, so the name is hashed rather than zero-padded.
    this.h = sha256(name);
    this.ck = this.h;
  }

  mixHash(data: Uint8Array): void {
    this.h = sha256(concatBytes(this.h, data));
  }

  mixKey(ikm: Uint8Array): void {
    const [ck, key] = noiseHkdf(this.ck, ikm, 2) as [Uint8Array, Uint8Array];
    this.ck = ck;
    this.k = key;
    this.n = 0n;
  }

  mixKeyAndHash(ikm: Uint8Array): void {
    const [ck, tempH, key] = noiseHkdf(this.ck, ikm, 3) as [Uint8Array, Uint8Array, Uint8Array];
    this.ck = ck;
    this.mixHash(tempH);
    this.k = key;
    this.n = 0n;
  }

  encryptAndHash(plaintext: Uint8Array): Uint8Array {
    const ciphertext = this.k
      ? chacha20poly1305(this.k, noiseNonce(this.n++), this.h).encrypt(plaintext)
      : plaintext;
    this.mixHash(ciphertext);
    return ciphertext;
  }

  decryptAndHash(ciphertext: Uint8Array): Uint8Array {
    let plaintext = ciphertext;
    if (this.k) {
      try {
        plaintext = chacha20poly1305(this.k, noiseNonce(this.n), this.h).decrypt(ciphertext);
      } catch {
        throw new PairingError(
          'handshake_failed',
          'The handshake did not verify: the other side does not hold the expected keys.',
        );
      }
      this.n++;
    }
    this.mixHash(ciphertext);
    return plaintext;
  }
}

export interface HandshakeOptions {
  role: 'initiator' | 'responder';
  prologue: Uint8Array;
  staticKey: KeyPair;
  /** The responder's static key: the initiator knows it before it starts (the `<- s` pre-message). */
  remoteStatic?: Uint8Array;
  psk: Uint8Array;
  /** Fixed ephemeral keys, for test vectors only; real handshakes draw fresh ones. */
  ephemeral?: KeyPair;
}

/** The keys a completed handshake leaves: one per direction, and the final chaining key. */
export interface HandshakeResult {
  send: Uint8Array;
  receive: Uint8Array;
  /** Secret: further keys (route, resumption) are derived from it. */
  chainingKey: Uint8Array;
  /** The transcript hash: a channel binding, public to anyone who saw the messages. */
  handshakeHash: Uint8Array;
  remoteStatic: Uint8Array;
}

/**
 * Noise_IKpsk2_25519_ChaChaPoly_SHA256 (Noise revision 34):
 *   <- s
 *   ...
 *   -> e, es, s, ss
 *   <- e, ee, se, psk
 * The phone initiates, knowing the desktop's static key from the QR code; the pre-shared key from the same
 * code enters in the second message, so only a phone that saw the QR can read anything the desktop sends.
 */
export class NoiseHandshake {
  private readonly state = new SymmetricState();
  private readonly role: 'initiator' | 'responder';
  private readonly s: KeyPair;
  private readonly psk: Uint8Array;
  private e: KeyPair | undefined;
  private re: Uint8Array | undefined;
  private rs: Uint8Array | undefined;
  private step = 0;

  constructor(options: HandshakeOptions) {
    if (options.psk.length !== 32)
      throw new PairingError('handshake_failed', 'The pre-shared key is not 32 bytes.');
    this.role = options.role;
    this.s = options.staticKey;
    this.psk = options.psk;
    this.e = options.ephemeral;
    this.state.mixHash(options.prologue);
    if (options.role === 'initiator') {
      if (options.remoteStatic?.length !== DH_LEN) {
        throw new PairingError('handshake_failed', 'The initiator needs the responder’s 32-byte static key.');
      }
      this.rs = options.remoteStatic;
      this.state.mixHash(this.rs);
    } else {
      this.state.mixHash(this.s.publicKey);
    }
  }

  /** Message 1 from the initiator, message 2 from the responder. */
  writeMessage(payload: Uint8Array = EMPTY): Uint8Array {
    const expected = this.role === 'initiator' ? 0 : 1;
    if (this.step !== expected) throw new PairingError('handshake_failed', 'Handshake message out of turn.');
    const e = (this.e ??= generateKeyPair());
    const parts: Uint8Array[] = [e.publicKey];
    this.state.mixHash(e.publicKey);
    this.state.mixKey(e.publicKey);
    if (this.role === 'initiator') {
      const rs = this.rs as Uint8Array;
      this.state.mixKey(dh(e.secretKey, rs));
      parts.push(this.state.encryptAndHash(this.s.publicKey));
      this.state.mixKey(dh(this.s.secretKey, rs));
    } else {
      this.state.mixKey(dh(e.secretKey, this.re as Uint8Array));
      this.state.mixKey(dh(e.secretKey, this.rs as Uint8Array));
      this.state.mixKeyAndHash(this.psk);
    }
    parts.push(this.state.encryptAndHash(payload));
    this.step++;
    return concatBytes(...parts);
  }

  /** Returns the payload; throws `handshake_failed` when the message does not verify. */
  readMessage(message: Uint8Array): Uint8Array {
    const expected = this.role === 'responder' ? 0 : 1;
    if (this.step !== expected) throw new PairingError('handshake_failed', 'Handshake message out of turn.');
    const minimum = this.role === 'responder' ? DH_LEN + DH_LEN + TAG_LEN + TAG_LEN : DH_LEN + TAG_LEN;
    if (message.length < minimum)
      throw new PairingError('handshake_failed', 'The handshake message is truncated.');
    const re = message.slice(0, DH_LEN);
    this.re = re;
    this.state.mixHash(re);
    this.state.mixKey(re);
    let offset = DH_LEN;
    if (this.role === 'responder') {
      this.state.mixKey(dh(this.s.secretKey, re));
      this.rs = this.state.decryptAndHash(message.slice(offset, offset + DH_LEN + TAG_LEN));
      offset += DH_LEN + TAG_LEN;
      this.state.mixKey(dh(this.s.secretKey, this.rs));
    } else {
      const e = this.e as KeyPair;
      this.state.mixKey(dh(e.secretKey, re));
      this.state.mixKey(dh(this.s.secretKey, re));
      this.state.mixKeyAndHash(this.psk);
    }
    const payload = this.state.decryptAndHash(message.slice(offset));
    this.step++;
    return payload;
  }

  /** The initiator's static key, known to the responder once it has read message 1. */
  get remoteStatic(): Uint8Array | undefined {
    return this.rs;
  }

  get complete(): boolean {
    return this.step === 2;
  }

  split(): HandshakeResult {
    if (!this.complete) throw new PairingError('handshake_failed', 'The handshake is not complete.');
    const [initiatorToResponder, responderToInitiator] = noiseHkdf(this.state.ck, EMPTY, 2) as [
      Uint8Array,
      Uint8Array,
    ];
    const initiator = this.role === 'initiator';
    return {
      send: initiator ? initiatorToResponder : responderToInitiator,
      receive: initiator ? responderToInitiator : initiatorToResponder,
      chainingKey: this.state.ck,
      handshakeHash: this.state.h,
      remoteStatic: this.rs as Uint8Array,
    };
  }
}
