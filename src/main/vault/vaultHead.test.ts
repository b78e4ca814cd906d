import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KEY_BYTES } from './sealedBox';
import { openHead, sealHead } from './vaultHead';

const key = new Uint8Array(randomBytes(KEY_BYTES));
const KEY_ID = 'a'.repeat(32);

describe('vault head', () => {
  it('opens to the versions it sealed, at its counter', () => {
    const versions = new Map([
      ['sync:key', 4],
      ['pairing:phone', 7],
    ]);
    const head = sealHead(KEY_ID, key, { counter: 7, versions });
    expect(head).toMatchObject({ counter: 7, keyId: KEY_ID });
    expect(openHead(key, head)).toEqual({ counter: 7, versions });
  });

  it('refuses a head whose stored counter was changed, or that another key sealed', () => {
    const head = sealHead(KEY_ID, key, { counter: 3, versions: new Map([['sync:key', 3]]) });
    for (const attempt of [
      () => openHead(key, { ...head, counter: 9 }),
      () => openHead(new Uint8Array(randomBytes(KEY_BYTES)), head),
    ]) {
      expect(attempt).toThrow(/list of secret versions failed its integrity check/);
    }
  });
});
