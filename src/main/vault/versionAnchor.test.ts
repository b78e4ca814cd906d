import { describe, expect, it } from 'vitest';
import type { Keychain } from './keychain';
import { VersionAnchor } from './versionAnchor';

/** A keychain in memory: the anchor's logic only; the vault's tests run it on the real Secret Service. */
function memoryKeychain(entries = new Map<string, string>()): Keychain & { writes: number } {
  const keychain = {
    backend: 'memory',
    writes: 0,
    get: async (account: string) => entries.get(account) ?? null,
    set: async (account: string, secret: string) => {
      keychain.writes++;
      entries.set(account, secret);
    },
    delete: async (account: string) => entries.delete(account),
    list: async () => [...entries.keys()],
  };
  return keychain;
}

describe('VersionAnchor', () => {
  it('only ever goes up, in memory and in the keychain, and writes the keychain only to go up', async () => {
    const keychain = memoryKeychain();
    const anchor = new VersionAnchor(keychain);
    expect(await anchor.highest()).toBe(0);
    await anchor.raise(5);
    await anchor.raise(3);
    await anchor.raise(5);
    expect(await anchor.highest()).toBe(5);
    expect(keychain.writes).toBe(1);
    expect(await new VersionAnchor(keychain).highest()).toBe(5);
  });

  it('remembers what it saw even when the keychain write failed', async () => {
    const keychain = memoryKeychain();
    const anchor = new VersionAnchor({ ...keychain, set: () => Promise.reject(new Error('locked')) });
    await expect(anchor.raise(4)).rejects.toThrow('locked');
    expect(await anchor.highest()).toBe(4);
    expect(await new VersionAnchor(keychain).highest()).toBe(0);
  });

  it('starts again after a reset, and refuses a keychain entry that is not a count', async () => {
    const entries = new Map([['vault-version', '9']]);
    const anchor = new VersionAnchor(memoryKeychain(entries));
    await anchor.forget();
    expect(await anchor.highest()).toBe(0);
    expect(entries.size).toBe(0);

    const garbled = new VersionAnchor(memoryKeychain(new Map([['vault-version', 'nine']])));
    await expect(garbled.highest()).rejects.toMatchObject({
      code: 'keychain_unavailable',
      message: expect.stringMatching(/does not hold a version number/),
    });
  });
});
