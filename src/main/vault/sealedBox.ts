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
 * What a seal is bound to. A secret's name, so a row copied or swapped onto another name in the database fails
 * to open instead of handing one secret out as another; and the version it was written at, so the vault can
 * tell an older copy of the same secret from the one it wrote last. Version 0 is a secret sealed before
 * versions existed, bound to its name alone.
 */
export type SealLabel = { secret: string; version: number } | { head: number };

function associatedData(label: SealLabel): Uint8Array {
  const text =
    'head' in label
      ? `ledgerline/vault/head/${label.head}`
      : label.version === 0
        ? `ledgerline/vault/v1/${label.secret}`
        : `ledgerline/vault/v2/${label.version}/${label.secret}`;
  return new TextEncoder().encode(text);
}

const tampered = (label: SealLabel) =>
  'head' in label
    ? "The vault's list of secret versions failed its integrity check: it was changed outside the app or " +
      'damaged, so no stored secret can be trusted. Reset local data, then pair your phone and set up sync again.'
    : `The stored secret "${label.secret}" failed its integrity check: it was changed outside the app or ` +
      'damaged. Remove it and set it up again (for a phone, pair it again). Other secrets are not affected.';

/** XChaCha20-Poly1305: its 24-byte nonce is safe to pick at random for every write under one key. */
export function seal(key: Uint8Array, label: SealLabel, plaintext: Uint8Array): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  return { nonce, ciphertext: xchacha20poly1305(key, nonce, associatedData(label)).encrypt(plaintext) };
}

export function open(key: Uint8Array, label: SealLabel, sealed: Sealed): Uint8Array {
  try {
    return xchacha20poly1305(key, sealed.nonce, associatedData(label)).decrypt(sealed.ciphertext);
  } catch (error) {
    throw new VaultError('vault_tampered', tampered(label), { cause: error });
  }
}
