import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import type { Database } from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSecretService } from '../../../test/keychain/useSecretService';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { migrate, openDatabase } from '../store/database';
import { MIGRATIONS } from '../store/migrations';
import { createOsKeychain, type Keychain } from './keychain';
import { Vault } from './vault';
import { VaultRepository } from './vaultRepository';

const text = (value: string) => new TextEncoder().encode(value);
const OLD_SESSION = text('phone session key, first pairing');
const NEW_SESSION = text('phone session key, after re-pairing');
const SYNC_KEY = text('sync key fedcba9876543210');

interface Row {
  name: string;
  key_id: string;
  nonce: Buffer;
  ciphertext: Buffer;
  version: number;
  updated_at: number;
}
const rowOf = (db: Database, name: string) =>
  db.prepare<[string], Row>('SELECT * FROM vault_secrets WHERE name = ?').get(name) as Row;
/** What someone with write access to the file does: puts an old copy of a row back with plain SQL. */
function putBack(db: Database, row: Row): void {
  db.prepare(
    `INSERT OR REPLACE INTO vault_secrets (name, key_id, nonce, ciphertext, version, updated_at)
     VALUES (:name, :key_id, :nonce, :ciphertext, :version, :updated_at)`,
  ).run(row);
}
const OLDER_COPY = {
  code: 'vault_tampered',
  message: expect.stringMatching(/"pairing:phone" is not the copy this wallet wrote last/),
};
const OLDER_HEAD = {
  code: 'vault_tampered',
  message: expect.stringMatching(/list of secret versions is older than the last one this wallet wrote/),
};

describe('Vault against a rollback of its database, on a real Secret Service and a real file', () => {
  useSecretService();
  const temp = useTempDatabase('vault-rollback-');
  let keychain: Keychain;
  const restart = (over: Keychain = keychain) => new Vault(new VaultRepository(temp.reopen()), over);

  beforeEach(() => {
    keychain = createOsKeychain(`ledgerline-test-${randomUUID()}`);
  });

  it('refuses an older copy of a secret written back through SQLite, and keeps everything newer', async () => {
    const vault = restart();
    await vault.put('pairing:phone', OLD_SESSION);
    const old = rowOf(temp.db, 'pairing:phone');
    await vault.put('pairing:phone', NEW_SESSION);
    await vault.put('sync:key', SYNC_KEY);

    putBack(temp.db, old);

    await expect(vault.get('pairing:phone')).rejects.toMatchObject(OLDER_COPY);
    const reopened = restart();
    await expect(reopened.get('pairing:phone')).rejects.toMatchObject(OLDER_COPY);
    expect(await reopened.get('sync:key')).toEqual(SYNC_KEY);
    // Nothing was reset or rewritten in answer: the refused row is still there for the user to remove.
    expect(rowOf(temp.db, 'pairing:phone').ciphertext).toEqual(old.ciphertext);
    expect(reopened.names()).toEqual(['pairing:phone', 'sync:key']);
    // A rotation carries the refused copy over as it is: still refused, never made current.
    await reopened.rotateKey();
    await expect(restart().get('pairing:phone')).rejects.toMatchObject(OLDER_COPY);
    // Writing the secret again replaces the copy.
    const again = restart();
    await again.put('pairing:phone', NEW_SESSION);
    expect(await restart().get('pairing:phone')).toEqual(NEW_SESSION);
  });

  it('refuses a secret put back after it was removed', async () => {
    const vault = restart();
    await vault.put('pairing:phone', OLD_SESSION);
    await vault.put('sync:key', SYNC_KEY);
    const removed = rowOf(temp.db, 'pairing:phone');
    expect(vault.delete('pairing:phone')).toBe(true);
    // Queued behind the removal's own update of the head.
    expect(await vault.get('sync:key')).toEqual(SYNC_KEY);

    putBack(temp.db, removed);

    await expect(restart().get('pairing:phone')).rejects.toMatchObject(OLDER_COPY);
    expect(await restart().get('sync:key')).toEqual(SYNC_KEY);
  });

  it('refuses the whole file put back from an older copy, through the counter in the keychain', async () => {
    const vault = restart();
    await vault.put('pairing:phone', OLD_SESSION);
    temp.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(temp.file, `${temp.file}.old`);
    await vault.put('pairing:phone', NEW_SESSION);
    await vault.put('sync:key', SYNC_KEY);
    await vault.settled();

    temp.db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${temp.file}${suffix}`, { force: true });
    copyFileSync(`${temp.file}.old`, temp.file);
    expect(existsSync(`${temp.file}-wal`)).toBe(false);
    temp.db = openDatabase(temp.file);

    const reopened = restart();
    await expect(reopened.get('pairing:phone')).rejects.toMatchObject(OLDER_HEAD);
    await expect(reopened.put('sync:key', SYNC_KEY)).rejects.toMatchObject(OLDER_HEAD);
    // Deleting the head to pass for a vault from before versions does not help either.
    temp.db.prepare('DELETE FROM vault_head').run();
    await expect(restart().get('pairing:phone')).rejects.toMatchObject(OLDER_HEAD);
  });

  it('accepts its own newest state when a crash came between the commit and the keychain', async () => {
    await restart().put('pairing:phone', OLD_SESSION);
    const cut: Keychain = {
      ...keychain,
      set: (account, secret) =>
        account === 'vault-version' ? Promise.reject(new Error('power cut')) : keychain.set(account, secret),
    };
    const interrupted = restart(cut);
    await interrupted.put('pairing:phone', NEW_SESSION);
    await expect(interrupted.settled()).rejects.toThrow('power cut');

    expect(await restart().get('pairing:phone')).toEqual(NEW_SESSION);
    expect(await keychain.get('vault-version')).toBe(
      String(temp.db.prepare('SELECT counter FROM vault_head').pluck().get()),
    );
  });

  it('reads a vault written before versions, then refuses the copies from before', async () => {
    // The schema as it was, with a secret sealed the way the vault sealed them then: bound to its name only.
    temp.db.close();
    rmSync(temp.file);
    const before = openDatabase(temp.file, { migrations: MIGRATIONS.slice(0, 13) });
    const keyId = randomBytes(16).toString('hex');
    const key = new Uint8Array(randomBytes(32));
    await keychain.set(`data-key:${keyId}`, Buffer.from(key).toString('base64'));
    before.prepare('INSERT INTO vault_keys (id, active, created_at) VALUES (?, 1, 0)').run(keyId);
    const legacy = (name: string, secret: Uint8Array) => {
      const nonce = new Uint8Array(randomBytes(24));
      const ad = text(`ledgerline/vault/v1/${name}`);
      before
        .prepare(
          'INSERT INTO vault_secrets (name, key_id, nonce, ciphertext, updated_at) VALUES (?, ?, ?, ?, 0)',
        )
        .run(name, keyId, nonce, xchacha20poly1305(key, nonce, ad).encrypt(secret));
    };
    legacy('pairing:phone', OLD_SESSION);
    legacy('sync:key', SYNC_KEY);
    migrate(before, MIGRATIONS);
    const old = rowOf(before, 'pairing:phone');
    expect(old.version).toBe(0);
    temp.db = before;

    const vault = restart();
    expect(await vault.get('pairing:phone')).toEqual(OLD_SESSION);
    expect(await vault.get('sync:key')).toEqual(SYNC_KEY);
    expect(rowOf(temp.db, 'pairing:phone').version).toBeGreaterThan(0);

    putBack(temp.db, old);
    await expect(restart().get('pairing:phone')).rejects.toMatchObject(OLDER_COPY);
    expect(await restart().get('sync:key')).toEqual(SYNC_KEY);
  });
});
