import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base32crockford } from '@scure/base';
import { z } from 'zod';
import { ApiError } from '../../shared/api/envelope';
import { DeviceId, SyncOp } from '../../shared/sync/syncOps';

/**
 * Another desktop joins the group through the sync folder with a one-time code the user carries across: 160
 * random bits, so the folder, which sees the sealed invite, cannot guess it. The code seals the group's keys
 * one way and the joiner's public keys the other.
 */
const CODE_BYTES = 20;
const NONCE_LENGTH = 24;
export const INVITE_TTL_MS = 10 * 60 * 1000;

export interface InviteKeys {
  enc: Uint8Array;
  inviteName: string;
  joinName: string;
}

export const InvitePayload = z.strictObject({
  v: z.literal(1),
  ring: z.string(),
  roster: z.array(SyncOp),
  expiresAt: z.number().int(),
});
export type InvitePayload = z.infer<typeof InvitePayload>;

export const JoinPayload = z.strictObject({
  v: z.literal(1),
  id: DeviceId,
  name: z.string().min(1).max(100),
  sign: z.string().regex(/^[0-9a-f]{64}$/),
  box: z.string().regex(/^[0-9a-f]{64}$/),
});
export type JoinPayload = z.infer<typeof JoinPayload>;

/** "7K2M-…": groups of four Crockford base32 digits, which tolerate O/0 and I/L mix-ups. */
export function newInviteCode(): string {
  return base32crockford.encode(randomBytes(CODE_BYTES)).match(/.{4}/g)?.join('-') ?? '';
}

export function inviteKeys(code: string): InviteKeys {
  let secret: Uint8Array;
  try {
    secret = base32crockford.decode(code.toUpperCase().replace(/[\s-]/g, ''));
  } catch {
    secret = new Uint8Array(0);
  }
  if (secret.length !== CODE_BYTES) {
    throw new ApiError(
      'invalid_request',
      'That is not a sync invite code: check it against the other desktop.',
    );
  }
  const keys = hkdf(sha256, secret, new Uint8Array(0), utf8ToBytes('ledgerline/sync 1 invite'), 64);
  const name = keys.subarray(32);
  const nameOf = (what: string) => bytesToHex(hmac(sha256, name, utf8ToBytes(what))).slice(0, 32);
  return { enc: keys.slice(0, 32), inviteName: nameOf('invite'), joinName: nameOf('join') };
}

export function sealWithCode(keys: InviteKeys, payload: InvitePayload | JoinPayload): Uint8Array {
  const nonce = randomBytes(NONCE_LENGTH);
  const json = utf8ToBytes(JSON.stringify(payload));
  return concatBytes(nonce, xchacha20poly1305(keys.enc, nonce).encrypt(json));
}

export function openWithCode<T>(keys: InviteKeys, bytes: Uint8Array, schema: z.ZodType<T>): T {
  try {
    const plain = xchacha20poly1305(keys.enc, bytes.subarray(0, NONCE_LENGTH)).decrypt(
      bytes.subarray(NONCE_LENGTH),
    );
    return schema.parse(JSON.parse(new TextDecoder().decode(plain)));
  } catch {
    throw new ApiError(
      'invalid_request',
      'The invite in the sync folder does not open with this code: it was changed, or it is from another code.',
    );
  }
}
