import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { z } from 'zod';
import { SyncBlobError } from './syncBlobError';

/** The group's shared secret for one epoch. A new epoch starts whenever a device is revoked. */
export interface EpochKey {
  epoch: number;
  key: Uint8Array;
}

const KEY_LENGTH = 32;
const EMPTY = new Uint8Array(0);
const ENC_INFO = utf8ToBytes('ledgerline/sync 1 enc');
const NAME_INFO = utf8ToBytes('ledgerline/sync 1 name');
const SEAL_INFO = utf8ToBytes('ledgerline/sync 1 seal');
const SEAL_VERSION = 0x01;
const NONCE_LENGTH = 24;
const TAG_LENGTH = 16;
const SEAL_OVERHEAD = 1 + KEY_LENGTH + TAG_LENGTH;
const KEY_RING_VERSION = 1;

/**
 * A fresh random key, numbered past every epoch the ring has seen and past `beyond` (an epoch other devices
 * disputed): random rather than ratcheted from the previous one, so a revoked device, which holds every
 * earlier key, learns nothing about it.
 */
export function newEpochKey(previous: readonly EpochKey[], beyond = 0): EpochKey {
  const epoch = previous.reduce((highest, entry) => Math.max(highest, entry.epoch), beyond) + 1;
  return { epoch, key: randomBytes(KEY_LENGTH) };
}

/** Separate keys for sealing blobs and for naming them, so neither use can leak anything about the other. */
export function derivedKeys(key: EpochKey): { enc: Uint8Array; name: Uint8Array } {
  return {
    enc: hkdf(sha256, key.key, EMPTY, ENC_INFO, KEY_LENGTH),
    name: hkdf(sha256, key.key, EMPTY, NAME_INFO, KEY_LENGTH),
  };
}

/** One device's long-term identity in the group; the public halves travel in the roster. */
export interface DeviceKeys {
  /** 16 hex digits; see `DeviceId` in syncOps. */
  id: string;
  signSecret: Uint8Array;
  signPublic: Uint8Array;
  boxSecret: Uint8Array;
  boxPublic: Uint8Array;
}

export function newDeviceKeys(): DeviceKeys {
  const sign = ed25519.keygen();
  const box = x25519.keygen();
  return {
    id: bytesToHex(randomBytes(8)),
    signSecret: sign.secretKey,
    signPublic: sign.publicKey,
    boxSecret: box.secretKey,
    boxPublic: box.publicKey,
  };
}

/**
 * The key and nonce come from HKDF over a secret used once, so a fixed derivation is safe. Both public keys
 * are bound in, so a sealed box cannot be re-aimed at another recipient with the same shared secret.
 */
function sealKeyAndNonce(
  shared: Uint8Array,
  ephemeralPublic: Uint8Array,
  recipientPublic: Uint8Array,
): { key: Uint8Array; nonce: Uint8Array } {
  const okm = hkdf(
    sha256,
    concatBytes(shared, ephemeralPublic, recipientPublic),
    EMPTY,
    SEAL_INFO,
    KEY_LENGTH + NONCE_LENGTH,
  );
  return { key: okm.subarray(0, KEY_LENGTH), nonce: okm.subarray(KEY_LENGTH) };
}

const UNREADABLE_SEAL =
  'A sealed sync key could not be opened with this device’s key: it is corrupt, or meant for another device.';

/**
 * Seals to one device without revealing the sender: how a rotated epoch key reaches each remaining device
 * through the folder. Layout: [0x01][ephemeral X25519 public key, 32][XChaCha20-Poly1305 ciphertext + tag].
 */
export function sealTo(recipientBoxPublic: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const ephemeral = x25519.keygen();
  const shared = x25519.getSharedSecret(ephemeral.secretKey, recipientBoxPublic);
  const { key, nonce } = sealKeyAndNonce(shared, ephemeral.publicKey, recipientBoxPublic);
  const version = Uint8Array.of(SEAL_VERSION);
  return concatBytes(version, ephemeral.publicKey, xchacha20poly1305(key, nonce, version).encrypt(plaintext));
}

export function openSealed(boxSecret: Uint8Array, sealed: Uint8Array): Uint8Array {
  if (sealed.length < SEAL_OVERHEAD || sealed[0] !== SEAL_VERSION) {
    throw new SyncBlobError('unreadable', UNREADABLE_SEAL);
  }
  const ephemeralPublic = sealed.subarray(1, 1 + KEY_LENGTH);
  try {
    const shared = x25519.getSharedSecret(boxSecret, ephemeralPublic);
    const { key, nonce } = sealKeyAndNonce(shared, ephemeralPublic, x25519.getPublicKey(boxSecret));
    return xchacha20poly1305(key, nonce, sealed.subarray(0, 1)).decrypt(sealed.subarray(1 + KEY_LENGTH));
  } catch {
    // A low-order ephemeral key and a failed tag mean the same to the user: this box is not for them.
    throw new SyncBlobError('unreadable', UNREADABLE_SEAL);
  }
}

const KeyRingText = z.strictObject({
  v: z.literal(KEY_RING_VERSION),
  keys: z
    .array(
      z.strictObject({
        epoch: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
        // 32 bytes in canonical unpadded base64url: 42 free digits, then one whose low 2 bits are zero.
        key: z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/),
      }),
    )
    .refine((keys) => new Set(keys.map((entry) => entry.epoch)).size === keys.length),
});

/** JSON, keys in unpadded base64url, oldest epoch first: `{"v":1,"keys":[{"epoch":1,"key":"…"}]}`. */
export function encodeKeyRing(ring: readonly EpochKey[]): string {
  const keys = [...ring]
    .sort((a, b) => a.epoch - b.epoch)
    .map((entry) => ({ epoch: entry.epoch, key: base64urlnopad.encode(entry.key) }));
  return JSON.stringify({ v: KEY_RING_VERSION, keys });
}

export function decodeKeyRing(text: string): EpochKey[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = KeyRingText.safeParse(json);
  if (!parsed.success) {
    throw new SyncBlobError(
      'malformed',
      'The saved sync keys are damaged, so this device cannot read synced data until it is paired again.',
    );
  }
  return parsed.data.keys
    .map((entry) => ({ epoch: entry.epoch, key: base64urlnopad.decode(entry.key) }))
    .sort((a, b) => a.epoch - b.epoch);
}
