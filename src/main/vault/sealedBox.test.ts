import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KEY_BYTES, open, seal } from './sealedBox';
import { VaultError } from './vaultError';

const key = new Uint8Array(randomBytes(KEY_BYTES));
const secret = new TextEncoder().encode('pairing session key');

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
    const first = seal(key, 'pairing:phone', secret);
    const second = seal(key, 'pairing:phone', secret);
    expect(open(key, 'pairing:phone', first)).toEqual(secret);
    expect(Buffer.from(first.nonce).equals(Buffer.from(second.nonce))).toBe(false);
    expect(Buffer.from(first.ciphertext).includes(Buffer.from(secret))).toBe(false);
  });

  it('refuses a sealed secret presented under another name, a flipped bit, or another key', () => {
    const sealed = seal(key, 'sync:key', secret);
    const flipped = {
      ...sealed,
      ciphertext: Uint8Array.from(sealed.ciphertext, (b, i) => (i === 3 ? b ^ 1 : b)),
    };
    for (const attempt of [
      () => open(key, 'pairing:phone', sealed),
      () => open(key, 'sync:key', flipped),
      () => open(new Uint8Array(randomBytes(KEY_BYTES)), 'sync:key', sealed),
    ]) {
      const error = failure(attempt);
      expect(error).toBeInstanceOf(VaultError);
      expect(error).toMatchObject({
        code: 'vault_tampered',
        message: expect.stringMatching(/failed its integrity check/),
      });
    }
  });
});
