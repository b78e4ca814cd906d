import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSecretService } from '../../../test/keychain/useSecretService';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { createOsKeychain, type Keychain } from './keychain';
import { Vault } from './vault';
import { VaultError } from './vaultError';
import { VaultRepository } from './vaultRepository';

const text = (value: string) => new TextEncoder().encode(value);
const SESSION_KEY = text('phone session key 0123456789abcdef');
const SYNC_KEY = text('sync key fedcba9876543210');

describe('Vault on a real Secret Service and a real database file', () => {
  const keyring = useSecretService();
  const temp = useTempDatabase('vault-');
  let keychain: Keychain;
  // A new Vault over the same file and keychain: nothing cached, as after a restart.
  const restart = (over: Keychain = keychain) => new Vault(new VaultRepository(temp.reopen()), over);

  beforeEach(() => {
    keychain = createOsKeychain(`ledgerline-test-${randomUUID()}`);
  });
  // The keychain also holds the vault's version counter (versionAnchor.ts) beside the data keys.
  const dataKeys = async () => (await keychain.list()).filter((account) => account.startsWith('data-key:'));

  function fileBytes(): Buffer {
    const wal = `${temp.file}-wal`;
    return Buffer.concat([readFileSync(temp.file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
  }

  it('keeps secrets sealed in SQLite under a data key that only the keychain holds', async () => {
    const vault = restart();
    await vault.put('pairing:phone', SESSION_KEY);
    await vault.put('sync:key', SYNC_KEY);

    const reopened = restart();
    expect(await reopened.get('pairing:phone')).toEqual(SESSION_KEY);
    expect(await reopened.get('sync:key')).toEqual(SYNC_KEY);
    expect(await reopened.get('nothing')).toBeNull();
    expect(reopened.names()).toEqual(['pairing:phone', 'sync:key']);

    const accounts = await dataKeys();
    expect(accounts).toHaveLength(1);
    const dataKey = (await keychain.get(String(accounts[0]))) as string;
    const bytes = fileBytes();
    for (const secret of [SESSION_KEY, SYNC_KEY, text(dataKey), Buffer.from(dataKey, 'base64')]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    expect(await reopened.status()).toEqual({
      backend: keychain.backend,
      state: 'available',
      message: expect.stringMatching(/encrypted with a key kept in the Secret Service/),
    });
  });

  it('rotates the data key: secrets stay readable and the old key leaves the keychain', async () => {
    const vault = restart();
    await vault.put('pairing:phone', SESSION_KEY);
    const [before] = await dataKeys();
    const sealedBefore = temp.db.prepare('SELECT ciphertext FROM vault_secrets').pluck().get();

    await vault.rotateKey();

    const after = await dataKeys();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(temp.db.prepare('SELECT ciphertext FROM vault_secrets').pluck().get()).not.toEqual(sealedBefore);
    expect(await vault.get('pairing:phone')).toEqual(SESSION_KEY);
    expect(await restart().get('pairing:phone')).toEqual(SESSION_KEY);
  });

  it.each([
    ['after the new key is written to the keychain', 'get'],
    ['after the secrets moved, before the old key is deleted', 'delete'],
  ] as const)('survives a rotation cut off %s, and removes the leftover key later', async (_, step) => {
    await restart().put('sync:key', SYNC_KEY);
    let cut = false;
    const failing: Keychain = {
      ...keychain,
      [step]: (account: string) => (cut ? Promise.reject(new Error('power cut')) : keychain[step](account)),
    };
    // Load the key first, so the cut lands on the rotation's own call: reading the new key back, or
    // deleting the old one.
    const interrupted = restart(failing);
    await interrupted.get('sync:key');
    cut = true;
    await expect(interrupted.rotateKey()).rejects.toThrow('power cut');
    expect(await dataKeys()).toHaveLength(2);

    const next = restart();
    expect(await next.get('sync:key')).toEqual(SYNC_KEY);
    await next.put('pairing:phone', SESSION_KEY);
    expect(await dataKeys()).toHaveLength(1);
    expect(await restart().get('sync:key')).toEqual(SYNC_KEY);
  });

  it('reports a secret altered in SQLite as an integrity failure, and still reads the others', async () => {
    const vault = restart();
    await vault.put('pairing:phone', SESSION_KEY);
    await vault.put('sync:key', SYNC_KEY);
    temp.db
      .prepare(
        "UPDATE vault_secrets SET ciphertext = (SELECT ciphertext FROM vault_secrets WHERE name = 'sync:key'), nonce = (SELECT nonce FROM vault_secrets WHERE name = 'sync:key') WHERE name = 'pairing:phone'",
      )
      .run();
    const flipped = Buffer.from(
      temp.db.prepare("SELECT ciphertext FROM vault_secrets WHERE name = 'sync:key'").pluck().get() as Buffer,
    );
    flipped.writeUInt8(flipped.readUInt8(0) ^ 0x80, 0);

    const reopened = restart();
    await expect(reopened.get('pairing:phone')).rejects.toMatchObject({
      code: 'vault_tampered',
      message: expect.stringMatching(/"pairing:phone" failed its integrity check/),
    });
    expect(await reopened.get('sync:key')).toEqual(SYNC_KEY);
    temp.db.prepare("UPDATE vault_secrets SET ciphertext = ? WHERE name = 'sync:key'").run(flipped);
    await expect(reopened.get('sync:key')).rejects.toMatchObject({ code: 'vault_tampered' });
    // A rotation cannot carry a damaged secret over; it refuses and leaves everything as it was.
    await expect(reopened.rotateKey()).rejects.toMatchObject({ code: 'vault_tampered' });
    reopened.delete('pairing:phone');
    reopened.delete('sync:key');
    await reopened.put('sync:key', SYNC_KEY);
    expect(await dataKeys()).toHaveLength(1);
  });

  it('says the data key is missing when the keychain lost it, instead of making up a new one', async () => {
    await restart().put('sync:key', SYNC_KEY);
    for (const account of await keychain.list()) await keychain.delete(account);

    const vault = restart();
    await expect(vault.get('sync:key')).rejects.toMatchObject({ code: 'vault_key_missing' });
    await expect(vault.put('other', SYNC_KEY)).rejects.toMatchObject({ code: 'vault_key_missing' });
    expect(await vault.status()).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(/missing from the keychain/),
    });
    // Once the lost secrets are given up, the vault starts over with a new key.
    vault.delete('sync:key');
    await vault.put('sync:key', SYNC_KEY);
    expect(await restart().get('sync:key')).toEqual(SYNC_KEY);
  });

  it('forgets every secret and deletes its keys from the keychain on reset', async () => {
    const vault = restart();
    await vault.put('sync:key', SYNC_KEY);
    await vault.rotateKey();
    await vault.destroy();
    expect(vault.names()).toEqual([]);
    expect(await keychain.list()).toEqual([]);
    expect(temp.db.prepare('SELECT count(*) FROM vault_keys').pluck().get()).toBe(0);
  });

  it('asks the keychain once whether it answers, and again after an operation failed', async () => {
    let lists = 0;
    let refuseNextSet = false;
    const counted: Keychain = {
      ...keychain,
      list: () => {
        lists++;
        return keychain.list();
      },
      set: (account, secret) => {
        if (!refuseNextSet) return keychain.set(account, secret);
        refuseNextSet = false;
        return Promise.reject(new VaultError('keychain_unavailable', 'The keychain went away.'));
      },
    };
    const vault = restart(counted);
    for (let i = 0; i < 3; i++) expect(await vault.status()).toMatchObject({ state: 'available' });
    expect(lists).toBe(1);

    refuseNextSet = true;
    await expect(vault.put('sync:key', SYNC_KEY)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(await vault.status()).toMatchObject({ state: 'available' });
    expect(lists).toBe(2);
    // With a secret stored, the data key read for it is the check, and it is kept as the key is.
    await vault.put('sync:key', SYNC_KEY);
    expect(await vault.status()).toMatchObject({ state: 'available' });
    expect(lists).toBe(2);
  });

  // Last in this file: the test keyring cannot be unlocked again without a prompt.
  it('reports a locked keyring with what to do, and stores nothing', async () => {
    await restart().put('pairing:phone', SESSION_KEY);
    await keyring.session.lock();
    const vault = restart();
    expect(await vault.status()).toEqual({
      backend: keychain.backend,
      state: 'locked',
      message: expect.stringMatching(/login keyring is locked/),
    });
    await expect(vault.put('sync:key', SYNC_KEY)).rejects.toMatchObject({ code: 'keychain_locked' });
    await expect(vault.get('pairing:phone')).rejects.toMatchObject({ code: 'keychain_locked' });
    expect(vault.names()).toEqual(['pairing:phone']);
  });
});
