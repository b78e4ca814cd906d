import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSecretService } from '../../../test/keychain/useSecretService';
import { createOsKeychain } from './keychain';

// The binding keeps the first D-Bus address it uses for the life of the process, so a keychain that is
// missing altogether is covered by its own file, keychainUnavailable.test.ts.
const service = () => `ledgerline-test-${randomUUID()}`;

describe('OS keychain on a real Secret Service', () => {
  const keyring = useSecretService();

  it('sets, gets, lists and deletes entries of one service', async () => {
    const keychain = createOsKeychain(service());
    const other = createOsKeychain(service());
    await keychain.set('data-key:1', 'first');
    await keychain.set('data-key:2', 'second');
    await other.set('data-key:1', 'not mine');
    expect(await keychain.get('data-key:1')).toBe('first');
    expect((await keychain.list()).sort()).toEqual(['data-key:1', 'data-key:2']);
    expect(await keychain.delete('data-key:1')).toBe(true);
    expect(await keychain.delete('data-key:1')).toBe(false);
    expect(await keychain.get('data-key:1')).toBeNull();
    expect(await other.get('data-key:1')).toBe('not mine');
    expect(keychain.backend).toMatch(/Secret Service/);
  });

  // Last in this file: the test keyring cannot be unlocked again without a prompt.
  it('says to unlock the login keyring once it is locked', async () => {
    const keychain = createOsKeychain(service());
    await keychain.set('k', 'v');
    await keyring.session.lock();
    for (const attempt of [() => keychain.get('k'), () => keychain.set('k', 'w'), () => keychain.list()]) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'keychain_locked',
        message: expect.stringMatching(/login keyring is locked.*Unlock it/),
      });
    }
  });
});
