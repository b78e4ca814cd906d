import { describe, expect, it } from 'vitest';
import { testOwner, testOwners } from '../../../test/safes/safeKeys';
import { checkSignatures, packSignatures, recoverSigner, type SafeSignature } from './safeSignatures';

const HASH = `0x${'5a'.repeat(32)}`;
const [a, b, c] = testOwners(3) as [
  ReturnType<typeof testOwner>,
  ReturnType<typeof testOwner>,
  ReturnType<typeof testOwner>,
];
const outsider = testOwner(99);
const signed = (owner: ReturnType<typeof testOwner>): SafeSignature => ({
  owner: owner.address,
  signature: owner.signHash(HASH),
});
const SAFE = { owners: [a.address, b.address, c.address], threshold: 2 };

describe('recoverSigner', () => {
  it('recovers the key that signed the hash', () => {
    expect(recoverSigner(HASH, a.signHash(HASH))).toBe(a.address);
  });

  it('refuses malformed parts in words', () => {
    expect(() => recoverSigner(HASH, { ...a.signHash(HASH), r: '0x12' })).toThrow(/malformed/);
    expect(() => recoverSigner('0x12', a.signHash(HASH))).toThrow(/not a 32-byte hash/);
  });
});

describe('checkSignatures', () => {
  it('accepts threshold-many owners in any order', () => {
    expect(() => checkSignatures(HASH, [signed(c), signed(a)], SAFE)).not.toThrow();
  });

  it('refuses a signature that is not its claimed owner’s', () => {
    const forged = { owner: b.address, signature: a.signHash(HASH) };
    expect(() => checkSignatures(HASH, [signed(a), forged], SAFE)).toThrow(/was made by/);
  });

  it('refuses a key that is not an owner', () => {
    expect(() => checkSignatures(HASH, [signed(a), signed(outsider)], SAFE)).toThrow(
      `${outsider.address} is not an owner of this Safe.`,
    );
  });

  it('counts an owner once', () => {
    expect(() => checkSignatures(HASH, [signed(a), signed(a)], SAFE)).toThrow(/signed twice/);
  });

  it('refuses fewer than the threshold', () => {
    expect(() => checkSignatures(HASH, [signed(a)], SAFE)).toThrow(/needs 2 signatures and has 1/);
  });
});

describe('packSignatures', () => {
  it('packs r‖s‖v sorted by owner, with v = 27 + yParity', () => {
    const packed = packSignatures([signed(c), signed(a)]);
    expect(packed).toHaveLength(2 + 2 * 65 * 2);
    const first = a.signHash(HASH);
    const second = c.signHash(HASH);
    expect(packed).toBe(
      `0x${first.r.slice(2)}${first.s.slice(2)}${(27 + first.yParity).toString(16)}` +
        `${second.r.slice(2)}${second.s.slice(2)}${(27 + second.yParity).toString(16)}`,
    );
  });
});
