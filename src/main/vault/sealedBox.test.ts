import { randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import { KEY_BYTES, open, seal } from './sealedBox';
import { VaultError } from './vaultError';

const key = new Uint8Array(randomBytes(KEY_BYTES));
const secret = new TextEncoder().encode('pairing session key');
const phone = { secret: 'pairing:phone', version: 3 };
const sync = { secret: 'sync:key', version: 3 };

function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('sealed box', () => {
  it('opens what it sealed, with a fresh nonce every time', () => {
    const first = seal(key, phone, secret);
    const second = seal(key, phone, secret);
    expect(open(key, phone, first)).toEqual(secret);
    expect(Buffer.from(first.nonce).equals(Buffer.from(second.nonce))).toBe(false);
    expect(Buffer.from(first.ciphertext).includes(Buffer.from(secret))).toBe(false);
  });

  it('refuses a sealed secret presented under another name or version, a flipped bit, or another key', () => {
    const sealed = seal(key, sync, secret);
    const flipped = {
      ...sealed,
      ciphertext: Uint8Array.from(sealed.ciphertext, (b, i) => (i === 3 ? b ^ 1 : b)),
    };
    for (const attempt of [
      () => open(key, { ...sync, secret: 'pairing:phone' }, sealed),
      () => open(key, { ...sync, version: 2 }, sealed),
      () => open(key, { ...sync, version: 0 }, sealed),
      () => open(key, sync, flipped),
      () => open(new Uint8Array(randomBytes(KEY_BYTES)), sync, sealed),
    ]) {
      const error = failure(attempt);
      expect(error).toBeInstanceOf(VaultError);
      expect(error).toMatchObject({
        code: 'vault_tampered',
        message: expect.stringMatching(/failed its integrity check/),
      });
    }
  });

  it('keeps a head apart from secrets: neither opens as the other, nor a head at another counter', () => {
    const head = seal(key, { head: 3 }, secret);
    for (const attempt of [() => open(key, sync, head), () => open(key, { head: 2 }, head)]) {
      expect(failure(attempt)).toMatchObject({ code: 'vault_tampered' });
    }
    expect(failure(() => open(key, { head: 3 }, seal(key, sync, secret)))).toMatchObject({
      message: expect.stringMatching(/list of secret versions failed its integrity check/),
    });
  });

  it('opens a secret sealed before versions (version 0) with the associated data it had then', () => {
    // Written the way the vault sealed every secret before versions: bound to the name alone.
    const legacyAd = new TextEncoder().encode('ledgerline/vault/v1/sync:key');
    const nonce = new Uint8Array(randomBytes(24));
    const ciphertext = xchacha20poly1305(key, nonce, legacyAd).encrypt(secret);
    expect(open(key, { secret: 'sync:key', version: 0 }, { nonce, ciphertext })).toEqual(secret);
  });
});
