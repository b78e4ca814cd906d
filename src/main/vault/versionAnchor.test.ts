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
    anchor.raise(5);
    await anchor.settled();
    anchor.raise(3);
    anchor.raise(5);
    await anchor.settled();
    expect(await anchor.highest()).toBe(5);
    expect(keychain.writes).toBe(1);
    expect(await new VersionAnchor(keychain).highest()).toBe(5);
  });

  it('sees a raise at once, and writes a burst of them to the keychain as few times as it can', async () => {
    const keychain = memoryKeychain();
    const anchor = new VersionAnchor(keychain);
    for (let counter = 1; counter <= 50; counter += 1) anchor.raise(counter);
    expect(await anchor.highest()).toBe(50);
    await anchor.settled();
    expect(await new VersionAnchor(keychain).highest()).toBe(50);
    expect(keychain.writes).toBeLessThan(5);
  });

  it('remembers what it saw even when the keychain write failed, and tries again on the next raise', async () => {
    const keychain = memoryKeychain();
    let locked = true;
    const anchor = new VersionAnchor({
      ...keychain,
      set: (account, secret) =>
        locked ? Promise.reject(new Error('locked')) : keychain.set(account, secret),
    });
    anchor.raise(4);
    await expect(anchor.settled()).rejects.toThrow('locked');
    expect(await anchor.highest()).toBe(4);
    expect(await new VersionAnchor(keychain).highest()).toBe(0);
    locked = false;
    anchor.raise(4);
    await anchor.settled();
    expect(await new VersionAnchor(keychain).highest()).toBe(4);
  });

  it('lets no write still on its way land after a reset', async () => {
    const entries = new Map<string, string>();
    const anchor = new VersionAnchor(memoryKeychain(entries));
    anchor.raise(7);
    await anchor.forget();
    expect(entries.size).toBe(0);
    expect(await anchor.highest()).toBe(0);
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
