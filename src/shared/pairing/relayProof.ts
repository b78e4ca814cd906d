import { ed25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Proof of a route on LISTEN (PROTOCOL.md section 7.5). A route value is a secret that never crosses the
 * wire: the relay sees only its wire id, a hash of a signing key derived from it, and a LISTEN must carry a
 * signature over the socket's challenge. Someone who saw a wire id on the LAN can send to it, but cannot
 * take the frames queued on it. The relay's check is `routeProof` in the relay, on Node's native Ed25519:
 * it runs on every LISTEN anyone sends, and native verification is an order of magnitude cheaper.
 */

export const RELAY_NONCE_BYTES = 16;
export const RELAY_PUBLIC_KEY_BYTES = 32;
export const RELAY_SIGNATURE_BYTES = 64;
export const RELAY_PROOF_BYTES = RELAY_PUBLIC_KEY_BYTES + RELAY_SIGNATURE_BYTES;
const WIRE_ID_BYTES = 16;
const LABEL = utf8ToBytes('ledgerline-relay/2 listen');

export interface RouteKey {
  /** What the relay and everyone on the LAN see in place of the route. */
  wireId: Uint8Array;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export function routeKey(route: Uint8Array): RouteKey {
  const secretKey = hkdf(sha256, route, new Uint8Array(0), LABEL, 32);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { wireId: wireIdOf(publicKey), publicKey, secretKey };
}

/** The wire id of a route is a hash of its public key, so a LISTEN's key is bound to the id it names. */
export const wireIdOf = (publicKey: Uint8Array): Uint8Array => sha256(publicKey).subarray(0, WIRE_ID_BYTES);

/** What a LISTEN signs: the label, the socket's challenge and the wire id. */
export const listenSigned = (nonce: Uint8Array, wireId: Uint8Array): Uint8Array =>
  concatBytes(LABEL, nonce, wireId);

/** The LISTEN body for `key` on a socket whose challenge was `nonce`: public key || signature. */
export function proveRoute(key: RouteKey, nonce: Uint8Array): Uint8Array {
  return concatBytes(key.publicKey, ed25519.sign(listenSigned(nonce, key.wireId), key.secretKey));
}
