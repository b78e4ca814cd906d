import type { Database } from 'better-sqlite3';

/** Small named JSON values of the sync service (its counter, its ledger, the folder): one row each. */
export class SyncStateRepository {
  private readonly selectOne;
  private readonly upsert;

  constructor(db: Database) {
    this.selectOne = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE name = ?');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
  }

  get<T>(name: string, fallback: T): T {
    const row = this.selectOne.get(name);
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  set(name: string, value: unknown): void {
    this.upsert.run(name, JSON.stringify(value));
  }
}
