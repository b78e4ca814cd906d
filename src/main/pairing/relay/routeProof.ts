import { createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import {
  listenSigned,
  RELAY_NONCE_BYTES,
  RELAY_PROOF_BYTES,
  RELAY_PUBLIC_KEY_BYTES,
  wireIdOf,
} from '../../../shared/pairing/relayProof';

/** An Ed25519 SubjectPublicKeyInfo is this fixed DER prefix and the 32 raw key bytes (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Whether a LISTEN's `proof` (public key || signature) shows the key of the route behind `wireId` to the
 * socket challenged with `nonce` (PROTOCOL.md section 7.5). Anyone may send LISTENs, so this runs on
 * hostile input at the relay's expense: the hash is checked first, since it is cheap and refuses a key that
 * is not the id's without a signature check, and the signature check is Node's native Ed25519.
 */
export function verifyRouteProof(wireId: Uint8Array, nonce: Uint8Array, proof: Uint8Array): boolean {
  if (proof.length !== RELAY_PROOF_BYTES || nonce.length !== RELAY_NONCE_BYTES) return false;
  const publicKey = proof.subarray(0, RELAY_PUBLIC_KEY_BYTES);
  const hashed = wireIdOf(publicKey);
  if (hashed.length !== wireId.length || !timingSafeEqual(hashed, wireId)) return false;
  try {
    const key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, listenSigned(nonce, wireId), key, proof.subarray(RELAY_PUBLIC_KEY_BYTES));
  } catch {
    // Bytes that are not an Ed25519 public key make a failed proof, not a relay fault.
    return false;
  }
}
