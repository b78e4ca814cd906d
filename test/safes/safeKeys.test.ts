import { recoverAddress, Signature } from 'ethers';
import { describe, expect, it } from 'vitest';
import { testOwner, testOwners } from './safeKeys';

describe('testOwner', () => {
  it('signs a hash as it is, recoverable to its own address', () => {
    const owner = testOwner(1);
    const hash = `0x${'ab'.repeat(32)}`;
    const { r, s, yParity } = owner.signHash(hash);
    expect(recoverAddress(hash, Signature.from({ r, s, yParity }))).toBe(owner.address);
    expect(testOwner(1).address).toBe(owner.address);
    expect(testOwner(2).address).not.toBe(owner.address);
  });

  it('refuses anything that is not a 32-byte hash', () => {
    expect(() => testOwner(1).signHash('0x1234')).toThrow(/32-byte/);
  });

  it('lists owners sorted by address', () => {
    const owners = testOwners(4).map((o) => o.address.toLowerCase());
    expect(owners).toEqual([...owners].sort());
  });
});
