import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { SyncBlobError } from './syncBlobError';
import { derivedKeys, type DeviceKeys, type EpochKey } from './syncKeys';
import { DeviceId, originOf, SyncOp } from './syncOps';

/**
 * Sealed sizes a blob is padded to, so the relay and the folder learn a size class, never how much changed.
 * Past the largest, sizes go up in whole multiples of it.
 */
export const BLOB_BUCKETS = [512, 2048, 8192, 32768, 131072] as const;
const LARGEST_BUCKET = 131072;

const FORMAT_VERSION = 0x01;
const NONCE_LENGTH = 24;
const TAG_LENGTH = 16;
const SIGNATURE_LENGTH = 64;
const LENGTH_FIELD = 4;
const OUTER_OVERHEAD = 1 + NONCE_LENGTH + TAG_LENGTH;
const INNER_HEADER = SIGNATURE_LENGTH + LENGTH_FIELD;
/**
 * Signed ahead of the JSON, so a device's signing key can sign other things later without one ever passing
 * for a sync blob.
 */
const SIGNATURE_CONTEXT = utf8ToBytes('ledgerline/sync 1 blob\0');

/**
 * Version 2 also sealed `kind: "head"` blobs under `head/<origin>`; no reader looks there any more, and one
 * served under a blob's name does not parse.
 */
export interface BlobContent {
  kind: 'ops';
  counter: number;
  ops: readonly SyncOp[];
}

export interface OpenedBlob {
  kind: 'ops';
  origin: string;
  counter: number;
  epoch: number;
  ops: SyncOp[];
}

const Counter = z.number().int().max(Number.MAX_SAFE_INTEGER);
const Plaintext = z
  .strictObject({
    v: z.literal(1),
    kind: z.literal('ops'),
    origin: DeviceId,
    counter: Counter.min(1),
    epoch: Counter.min(1),
    ops: z.array(SyncOp),
  })
  // A device vouches only for its own writes, so one member cannot pass off edits as another's.
  .refine((blob) => blob.ops.every((op) => originOf(op) === blob.origin));
type Plaintext = z.infer<typeof Plaintext>;

const MALFORMED =
  'A sync blob opened but its contents make no sense: it was written by a faulty or incompatible device.';

function isBucket(length: number): boolean {
  return (
    (BLOB_BUCKETS as readonly number[]).includes(length) ||
    (length > LARGEST_BUCKET && length % LARGEST_BUCKET === 0)
  );
}

function bucketFor(length: number): number {
  return BLOB_BUCKETS.find((size) => size >= length) ?? Math.ceil(length / LARGEST_BUCKET) * LARGEST_BUCKET;
}

/**
 * Layout: [0x01][nonce, 24][XChaCha20-Poly1305 of the inner bytes, with the version byte as associated data].
 * Inner: [Ed25519 signature, 64][JSON length, u32 big-endian][JSON][zero padding to the bucket]. Everything
 * that could tell blobs apart (epoch, origin, kind, counter) is inside the encryption.
 */
export function sealBlob(
  epoch: EpochKey,
  signer: Pick<DeviceKeys, 'id' | 'signSecret'>,
  content: BlobContent,
): Uint8Array {
  const plaintext = {
    v: 1,
    kind: content.kind,
    origin: signer.id,
    counter: content.counter,
    epoch: epoch.epoch,
    ops: content.ops,
  };
  // Refused here, where it is a bug, rather than by every reader, where it would look like an attack.
  if (!Plaintext.safeParse(plaintext).success) {
    throw new SyncBlobError('malformed', 'This device tried to write a sync blob with invalid contents.');
  }
  const json = utf8ToBytes(JSON.stringify(plaintext));
  const sealedLength = bucketFor(OUTER_OVERHEAD + INNER_HEADER + json.length);
  const inner = new Uint8Array(sealedLength - OUTER_OVERHEAD);
  inner.set(ed25519.sign(concatBytes(SIGNATURE_CONTEXT, json), signer.signSecret), 0);
  new DataView(inner.buffer).setUint32(SIGNATURE_LENGTH, json.length, false);
  inner.set(json, INNER_HEADER);
  const version = Uint8Array.of(FORMAT_VERSION);
  const nonce = randomBytes(NONCE_LENGTH);
  return concatBytes(
    version,
    nonce,
    xchacha20poly1305(derivedKeys(epoch).enc, nonce, version).encrypt(inner),
  );
}

function decrypt(keys: readonly EpochKey[], bytes: Uint8Array): { inner: Uint8Array; epoch: number } {
  if (!isBucket(bytes.length) || bytes[0] !== FORMAT_VERSION) {
    throw new SyncBlobError(
      'unreadable',
      'A file in the sync folder is not a sync blob this version of Ledgerline can read.',
    );
  }
  const version = bytes.subarray(0, 1);
  const nonce = bytes.subarray(1, 1 + NONCE_LENGTH);
  const ciphertext = bytes.subarray(1 + NONCE_LENGTH);
  // Newest first: almost every blob a device reads was written in the current epoch.
  for (const key of [...keys].sort((a, b) => b.epoch - a.epoch)) {
    try {
      return {
        inner: xchacha20poly1305(derivedKeys(key).enc, nonce, version).decrypt(ciphertext),
        epoch: key.epoch,
      };
    } catch {
      // Not this key; try the next.
    }
  }
  throw new SyncBlobError(
    'unreadable',
    'A sync blob could not be decrypted with any of this device’s sync keys: it is corrupt, or from another sync group.',
  );
}

function parsePlaintext(json: Uint8Array): Plaintext {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new SyncBlobError('malformed', MALFORMED);
  }
  const parsed = Plaintext.safeParse(value);
  if (!parsed.success) throw new SyncBlobError('malformed', MALFORMED);
  return parsed.data;
}

function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    // A roster key of the wrong shape verifies nothing.
    return false;
  }
}

/**
 * Opens, checks and verifies one blob; any failure is a `SyncBlobError`, so a reader can report the blob
 * and move on to the next.
 */
export function openBlob(
  keys: readonly EpochKey[],
  signPublicOf: (deviceId: string) => Uint8Array | undefined,
  bytes: Uint8Array,
): OpenedBlob {
  const { inner, epoch } = decrypt(keys, bytes);
  const length = new DataView(inner.buffer, inner.byteOffset, inner.byteLength).getUint32(
    SIGNATURE_LENGTH,
    false,
  );
  if (length > inner.length - INNER_HEADER) throw new SyncBlobError('malformed', MALFORMED);
  const json = inner.subarray(INNER_HEADER, INNER_HEADER + length);
  const plaintext = parsePlaintext(json);
  // The signer named its epoch; a member holding several keys must not re-wrap a signed blob into another.
  if (plaintext.epoch !== epoch) throw new SyncBlobError('malformed', MALFORMED);
  const publicKey = signPublicOf(plaintext.origin);
  if (publicKey === undefined) {
    throw new SyncBlobError(
      'unknown_device',
      'A sync blob claims to come from a device that is not, or no longer, in this sync group.',
    );
  }
  if (!verify(inner.subarray(0, SIGNATURE_LENGTH), concatBytes(SIGNATURE_CONTEXT, json), publicKey)) {
    throw new SyncBlobError(
      'bad_signature',
      'A sync blob is not signed by the device it claims to come from, so it was ignored.',
    );
  }
  const { kind, origin, counter, ops } = plaintext;
  return { kind, origin, counter, epoch: plaintext.epoch, ops };
}

/**
 * Where an ops blob lives: unguessable without the epoch's name key, stable for whoever holds it. 128 bits:
 * collisions stay out of reach, and the name is still short enough for any file system.
 */
export function blobName(nameKey: Uint8Array, origin: string, counter: number): string {
  return bytesToHex(hmac(sha256, nameKey, utf8ToBytes(`ops/${origin}/${counter}`))).slice(0, 32);
}
