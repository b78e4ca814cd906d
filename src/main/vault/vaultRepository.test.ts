import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { VaultRepository } from './vaultRepository';

const KEY_A = 'a'.repeat(32);
const KEY_B = 'b'.repeat(32);
const sealed = (byte: number) => ({
  nonce: new Uint8Array(24).fill(byte),
  ciphertext: new Uint8Array(16).fill(byte),
});
const secret = (name: string, keyId: string, byte: number, version = 1) => ({
  name,
  keyId,
  version,
  ...sealed(byte),
});
const head = (keyId: string, counter: number) => ({ keyId, counter, ...sealed(counter) });

describe('VaultRepository', () => {
  const temp = useTempDatabase('vault-rows-');

  it('moves every secret and the head to a new key in one transaction, or leaves them all as they were', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.rotate(KEY_A, () => ({ version: 0, ...sealed(0) }), undefined, 1);
    vault.write(head(KEY_A, 1), 1, secret('one', KEY_A, 1, 1));
    vault.write(head(KEY_A, 2), 1, secret('two', KEY_A, 2, 2));
    vault.addKey(KEY_B, 2);

    expect(() =>
      vault.rotate(
        KEY_B,
        (row) => {
          if (row.name === 'two') throw new Error('cannot re-seal');
          return { version: row.version, ...sealed(9) };
        },
        head(KEY_B, 2),
        2,
      ),
    ).toThrow('cannot re-seal');
    expect(vault.activeKeyId()).toBe(KEY_A);
    expect(vault.get('one')).toMatchObject({ keyId: KEY_A, version: 1, nonce: Buffer.from(sealed(1).nonce) });
    expect(vault.head()).toMatchObject({ keyId: KEY_A, counter: 2 });
    expect(vault.unusedKeyIds()).toEqual([KEY_B]);

    vault.rotate(KEY_B, (row) => ({ version: row.version, ...sealed(9) }), head(KEY_B, 2), 3);
    expect(vault.activeKeyId()).toBe(KEY_B);
    expect(vault.keyIdsInUse()).toEqual([KEY_B]);
    expect(vault.unusedKeyIds()).toEqual([KEY_A]);
    expect(vault.get('two')).toMatchObject({ keyId: KEY_B, version: 2 });
    expect(vault.maxVersion()).toBe(2);
  });

  it('writes a secret and its head together, or neither', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.write(head(KEY_A, 1), 1, secret('one', KEY_A, 1, 1));
    // A head under an unknown key breaks its foreign key, so the secret written with it is rolled back too.
    expect(() => vault.write(head('c'.repeat(32), 2), 2, secret('one', KEY_A, 7, 2))).toThrow(/FOREIGN KEY/);
    expect(vault.get('one')).toMatchObject({ version: 1 });
    expect(vault.head()).toMatchObject({ counter: 1 });
  });

  it('keeps a key that only the head still uses', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.write(head(KEY_A, 1), 1);
    expect(vault.keyIdsInUse()).toEqual([KEY_A]);
    expect(vault.unusedKeyIds()).toEqual([]);
  });

  it('allows one active key only, one head, and no secret under an unknown key', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.addKey(KEY_B, 1);
    expect(() => temp.db.prepare('UPDATE vault_keys SET active = 1').run()).toThrow(/UNIQUE/);
    expect(() => vault.write(head(KEY_A, 1), 1, secret('x', 'c'.repeat(32), 1))).toThrow(/FOREIGN KEY/);
    expect(() =>
      temp.db
        .prepare(
          'INSERT INTO vault_head (id, counter, key_id, nonce, ciphertext) VALUES (2, 1, ?, zeroblob(24), zeroblob(16))',
        )
        .run(KEY_A),
    ).toThrow(/CHECK/);
  });

  it('retires everything for a reset: no secrets, no head, and every key up for deletion', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.rotate(KEY_A, () => ({ version: 0, ...sealed(0) }), undefined, 1);
    vault.write(head(KEY_A, 1), 1, secret('one', KEY_A, 1));
    vault.retireAll();
    expect(vault.count()).toBe(0);
    expect(vault.names()).toEqual([]);
    expect(vault.head()).toBeUndefined();
    expect(vault.activeKeyId()).toBeUndefined();
    expect(vault.unusedKeyIds()).toEqual([KEY_A]);
  });
});
