import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { RELEASE_PUBLIC_KEY, releaseKeyFingerprint } from './releaseKey';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const updatesDoc = readFileSync(new URL('../../../docs/UPDATES.md', import.meta.url), 'utf8');

describe('releaseKeyFingerprint', () => {
  it('is the first 16 bytes of the SHA-256 of the key, in groups of four hex digits', () => {
    const key = new Uint8Array(32).fill(1);
    const hex = Buffer.from(sha256(key)).toString('hex').slice(0, 32);
    expect(releaseKeyFingerprint(key)).toBe(hex.match(/.{4}/g)?.join(' '));
    expect(releaseKeyFingerprint(key)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });

  it('refuses anything but a 32-byte key', () => {
    expect(() => releaseKeyFingerprint(new Uint8Array(33))).toThrow(/32 bytes/);
  });
});

describe('the pinned release key', () => {
  it('is a valid Ed25519 public key', async () => {
    const { ed25519 } = await import('@noble/curves/ed25519.js');
    expect(ed25519.utils.isValidPublicKey(RELEASE_PUBLIC_KEY, false)).toBe(true);
  });

  it('is the one whose fingerprint the README and docs/UPDATES.md print, and whose key the docs print', () => {
    const fingerprint = releaseKeyFingerprint(RELEASE_PUBLIC_KEY);
    const printed = /release key fingerprint: `([0-9a-f ]+)`/gi;
    expect([...readme.matchAll(printed)].map((match) => match[1])).toEqual([fingerprint]);
    expect([...updatesDoc.matchAll(printed)].map((match) => match[1])).toEqual([fingerprint]);
    expect(updatesDoc).toContain(Buffer.from(RELEASE_PUBLIC_KEY).toString('hex'));
  });
});
