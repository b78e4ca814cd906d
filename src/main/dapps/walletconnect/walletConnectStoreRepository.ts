import type { Database } from 'better-sqlite3';

/** One row of `walletconnect_store`: a key and its value as JSON text. */
export interface StoredEntry {
  key: string;
  value: string;
}

/** The `walletconnect_store` table (migration 19). Callers check keys and values first; the CHECKs back them. */
export class WalletConnectStoreRepository {
  private readonly selectKeys;
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsert;
  private readonly deleteOne;

  constructor(db: Database) {
    this.selectKeys = db.prepare<[], string>('SELECT key FROM walletconnect_store ORDER BY key').pluck();
    this.selectAll = db.prepare<[], StoredEntry>('SELECT key, value FROM walletconnect_store ORDER BY key');
    this.selectOne = db
      .prepare<[string], string>('SELECT value FROM walletconnect_store WHERE key = ?')
      .pluck();
    this.upsert = db.prepare<[string, string]>(
      `INSERT INTO walletconnect_store (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM walletconnect_store WHERE key = ?');
  }

  keys(): string[] {
    return this.selectKeys.all();
  }

  entries(): StoredEntry[] {
    return this.selectAll.all();
  }

  get(key: string): string | undefined {
    return this.selectOne.get(key);
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value);
  }

  remove(key: string): void {
    this.deleteOne.run(key);
  }
}
