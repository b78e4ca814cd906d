import type { Database } from 'better-sqlite3';
import type { SyncRecord } from './syncedCollections';

/** Each synced record as this desktop last had it: the baseline that tells a local change from a merged one. */
export class SyncLocalRepository {
  private readonly selectAll;
  private readonly upsert;
  private readonly deleteOne;
  private readonly deleteAll;

  constructor(db: Database) {
    this.selectAll = db.prepare<[string], { key: string; record: string }>(
      'SELECT key, record FROM sync_local WHERE collection = ?',
    );
    this.upsert = db.prepare<[string, string, string]>(
      `INSERT INTO sync_local (collection, key, record) VALUES (?, ?, ?)
       ON CONFLICT (collection, key) DO UPDATE SET record = excluded.record`,
    );
    this.deleteOne = db.prepare<[string, string]>('DELETE FROM sync_local WHERE collection = ? AND key = ?');
    this.deleteAll = db.prepare('DELETE FROM sync_local');
  }

  all(collection: string): Map<string, SyncRecord> {
    return new Map(
      this.selectAll.all(collection).map((row) => [row.key, JSON.parse(row.record) as SyncRecord]),
    );
  }

  set(collection: string, key: string, record: SyncRecord): void {
    this.upsert.run(collection, key, JSON.stringify(record));
  }

  delete(collection: string, key: string): void {
    this.deleteOne.run(collection, key);
  }

  /** Null: the record is gone here. */
  remember(collection: string, key: string, record: SyncRecord | null): void {
    if (record) this.set(collection, key, record);
    else this.delete(collection, key);
  }

  clear(): void {
    this.deleteAll.run();
  }
}
