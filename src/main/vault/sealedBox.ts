import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { VaultError } from './vaultError';

export const KEY_BYTES = 32;
const NONCE_BYTES = 24;

export interface Sealed {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

/**
 * Binds a sealed secret to its name, so a row copied or swapped onto another name in the database fails to
 * open instead of handing one secret out as another.
 */
function associatedData(name: string): Uint8Array {
  return new TextEncoder().encode(`ledgerline/vault/v1/${name}`);
}

/** XChaCha20-Poly1305: its 24-byte nonce is safe to pick at random for every write under one key. */
export function seal(key: Uint8Array, name: string, plaintext: Uint8Array): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  return { nonce, ciphertext: xchacha20poly1305(key, nonce, associatedData(name)).encrypt(plaintext) };
}

export function open(key: Uint8Array, name: string, sealed: Sealed): Uint8Array {
  try {
    return xchacha20poly1305(key, sealed.nonce, associatedData(name)).decrypt(sealed.ciphertext);
  } catch (error) {
    throw new VaultError(
      'vault_tampered',
      `The stored secret "${name}" failed its integrity check: it was changed outside the app or damaged. ` +
        'Remove it and set it up again (for a phone, pair it again). Other secrets are not affected.',
      { cause: error },
    );
  }
}
