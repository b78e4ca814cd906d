import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/**
 * The Ed25519 public key of Ledgerline's release key. Only releases whose metadata it signed are installed.
 * Its private half exists only in the release workflow's secrets (LEDGERLINE_RELEASE_KEY); changing this
 * constant is a change of who may ship updates, and needs a release signed by the old key to reach users.
 */
export const RELEASE_PUBLIC_KEY: Uint8Array = hexToBytes(
  '4ecf68c96b858f2f7c236984a36c50a97efef3cfe23c621a3b4ec56317bffede',
);

/**
 * What a person compares with the fingerprint the README and the website print: the first 16 bytes of the
 * SHA-256 of the 32 key bytes, in hex, in groups of four digits.
 */
export function releaseKeyFingerprint(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return (bytesToHex(sha256(publicKey).subarray(0, 16)).match(/.{4}/g) ?? []).join(' ');
}
