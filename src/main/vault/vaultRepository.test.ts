import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { VaultRepository } from './vaultRepository';

const KEY_A = 'a'.repeat(32);
const KEY_B = 'b'.repeat(32);
const sealed = (byte: number) => ({
  nonce: new Uint8Array(24).fill(byte),
  ciphertext: new Uint8Array(16).fill(byte),
});

describe('VaultRepository', () => {
  const temp = useTempDatabase('vault-rows-');

  it('moves every secret to a new key in one transaction, or leaves them all as they were', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.rotate(KEY_A, () => sealed(0), 1);
    vault.put('one', KEY_A, sealed(1), 1);
    vault.put('two', KEY_A, sealed(2), 1);
    vault.addKey(KEY_B, 2);

    expect(() =>
      vault.rotate(
        KEY_B,
        (secret) => {
          if (secret.name === 'two') throw new Error('cannot re-seal');
          return sealed(9);
        },
        2,
      ),
    ).toThrow('cannot re-seal');
    expect(vault.activeKeyId()).toBe(KEY_A);
    expect(vault.get('one')).toMatchObject({ keyId: KEY_A, nonce: Buffer.from(sealed(1).nonce) });
    expect(vault.unusedKeyIds()).toEqual([KEY_B]);

    vault.rotate(KEY_B, () => sealed(9), 3);
    expect(vault.activeKeyId()).toBe(KEY_B);
    expect(vault.keyIdsInUse()).toEqual([KEY_B]);
    expect(vault.unusedKeyIds()).toEqual([KEY_A]);
  });

  it('allows one active key only, and no secret under an unknown key', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.addKey(KEY_B, 1);
    expect(() => temp.db.prepare('UPDATE vault_keys SET active = 1').run()).toThrow(/UNIQUE/);
    expect(() => vault.put('x', 'c'.repeat(32), sealed(1), 1)).toThrow(/FOREIGN KEY/);
  });

  it('retires everything for a reset: no secrets, and every key up for deletion', () => {
    const vault = new VaultRepository(temp.db);
    vault.addKey(KEY_A, 1);
    vault.rotate(KEY_A, () => sealed(0), 1);
    vault.put('one', KEY_A, sealed(1), 1);
    vault.retireAll();
    expect(vault.count()).toBe(0);
    expect(vault.names()).toEqual([]);
    expect(vault.activeKeyId()).toBeUndefined();
    expect(vault.unusedKeyIds()).toEqual([KEY_A]);
  });
});
