import type { Database } from 'better-sqlite3';
import type { Sealed } from './sealedBox';

export interface SealedSecret extends Sealed {
  name: string;
  keyId: string;
  /** The vault's write counter when this secret was last written; 0 for one written before versions. */
  version: number;
}

/** The vault's sealed list of the version each secret must have, at write counter `counter`. */
export interface SealedHead extends Sealed {
  counter: number;
  keyId: string;
}

const SECRET_COLUMNS = 'name, key_id AS keyId, nonce, ciphertext, version';

/**
 * The vault's rows: which data keys exist (their material is in the OS keychain) and the secrets sealed under
 * them. Every key the wallet ever put in the keychain is recorded here first, so none can be forgotten there.
 */
export class VaultRepository {
  private readonly selectActive;
  private readonly insertKey;
  private readonly deactivateAll;
  private readonly activateOne;
  private readonly selectUnused;
  private readonly deleteKeyRow;
  private readonly countAll;
  private readonly selectOne;
  private readonly selectAll;
  private readonly selectNames;
  private readonly selectKeysInUse;
  private readonly upsert;
  private readonly deleteOne;
  private readonly deleteAll;
  private readonly selectHead;
  private readonly upsertHead;
  private readonly deleteHead;
  private readonly selectMaxVersion;
  readonly write;
  readonly rotate;
  readonly retireAll;

  constructor(db: Database) {
    this.selectActive = db.prepare<[], string>('SELECT id FROM vault_keys WHERE active = 1').pluck();
    this.insertKey = db.prepare<[string, number]>(
      'INSERT INTO vault_keys (id, active, created_at) VALUES (?, 0, ?)',
    );
    this.deactivateAll = db.prepare('UPDATE vault_keys SET active = 0 WHERE active = 1');
    this.activateOne = db.prepare<[string]>('UPDATE vault_keys SET active = 1 WHERE id = ?');
    this.selectUnused = db
      .prepare<[], string>(
        `SELECT id FROM vault_keys WHERE active = 0
         AND NOT EXISTS (SELECT 1 FROM vault_secrets WHERE key_id = vault_keys.id)
         AND NOT EXISTS (SELECT 1 FROM vault_head WHERE key_id = vault_keys.id) ORDER BY created_at`,
      )
      .pluck();
    this.deleteKeyRow = db.prepare<[string]>('DELETE FROM vault_keys WHERE id = ?');
    this.countAll = db.prepare<[], number>('SELECT count(*) FROM vault_secrets').pluck();
    this.selectOne = db.prepare<[string], SealedSecret>(
      `SELECT ${SECRET_COLUMNS} FROM vault_secrets WHERE name = ?`,
    );
    this.selectAll = db.prepare<[], SealedSecret>(`SELECT ${SECRET_COLUMNS} FROM vault_secrets`);
    this.selectKeysInUse = db
      .prepare<[], string>('SELECT key_id FROM vault_secrets UNION SELECT key_id FROM vault_head')
      .pluck();
    this.selectNames = db.prepare<[], string>('SELECT name FROM vault_secrets ORDER BY name').pluck();
    this.upsert = db.prepare<[string, string, Uint8Array, Uint8Array, number, number]>(
      `INSERT INTO vault_secrets (name, key_id, nonce, ciphertext, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET key_id = excluded.key_id, nonce = excluded.nonce,
         ciphertext = excluded.ciphertext, version = excluded.version, updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM vault_secrets WHERE name = ?');
    this.deleteAll = db.prepare('DELETE FROM vault_secrets');
    this.selectHead = db.prepare<[], SealedHead>(
      'SELECT counter, key_id AS keyId, nonce, ciphertext FROM vault_head WHERE id = 1',
    );
    this.upsertHead = db.prepare<[number, string, Uint8Array, Uint8Array]>(
      `INSERT INTO vault_head (id, counter, key_id, nonce, ciphertext) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET counter = excluded.counter, key_id = excluded.key_id,
         nonce = excluded.nonce, ciphertext = excluded.ciphertext`,
    );
    this.deleteHead = db.prepare('DELETE FROM vault_head');
    this.selectMaxVersion = db
      .prepare<[], number>('SELECT coalesce(max(version), 0) FROM vault_secrets')
      .pluck();
    const putHead = (head: SealedHead) =>
      this.upsertHead.run(head.counter, head.keyId, head.nonce, head.ciphertext);

    /** A secret (when given) and the head that lists its version: both commit, or neither. */
    this.write = db.transaction((head: SealedHead, now: number, secret?: SealedSecret) => {
      if (secret) {
        const { name, keyId, nonce, ciphertext, version } = secret;
        this.upsert.run(name, keyId, nonce, ciphertext, version, now);
      }
      putHead(head);
    });

    /**
     * Re-seals every secret (and the head, when there is one) under `keyId` and makes it the active key: all of
     * it commits, or none.
     */
    this.rotate = db.transaction(
      (
        keyId: string,
        reseal: (secret: SealedSecret) => Sealed & { version: number },
        head: SealedHead | undefined,
        now: number,
      ) => {
        for (const secret of this.selectAll.all()) {
          const { nonce, ciphertext, version } = reseal(secret);
          this.upsert.run(secret.name, keyId, nonce, ciphertext, version, now);
        }
        if (head) putHead(head);
        this.deactivateAll.run();
        this.activateOne.run(keyId);
      },
    );
    /** Drops every secret and the head, and marks every key unused, for the keychain side to be cleaned up after. */
    this.retireAll = db.transaction(() => {
      this.deleteAll.run();
      this.deleteHead.run();
      this.deactivateAll.run();
    });
  }

  activeKeyId(): string | undefined {
    return this.selectActive.get();
  }

  /** Records a new key as inactive; it becomes active only through `rotate`. */
  addKey(id: string, now: number): void {
    this.insertKey.run(id, now);
  }

  /** Keys no secret needs: left by a finished rotation, or by one that was interrupted. */
  unusedKeyIds(): string[] {
    return this.selectUnused.all();
  }

  deleteKey(id: string): void {
    this.deleteKeyRow.run(id);
  }

  count(): number {
    return this.countAll.get() ?? 0;
  }

  get(name: string): SealedSecret | undefined {
    return this.selectOne.get(name);
  }

  names(): string[] {
    return this.selectNames.all();
  }

  head(): SealedHead | undefined {
    return this.selectHead.get();
  }

  /** The highest version any stored secret has. */
  maxVersion(): number {
    return this.selectMaxVersion.get() ?? 0;
  }

  delete(name: string): boolean {
    return this.deleteOne.run(name).changes > 0;
  }

  /** The key ids the stored secrets and the head are sealed under: normally one, the active key. */
  keyIdsInUse(): string[] {
    return this.selectKeysInUse.all();
  }
}
