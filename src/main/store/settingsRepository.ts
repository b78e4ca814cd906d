import type { Database } from 'better-sqlite3';

/** Settings as stored: one JSON value per key, so adding a setting never needs a migration. */
export class SettingsRepository {
  private readonly selectAll;
  private readonly upsert;

  constructor(private readonly db: Database) {
    this.selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  readAll(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const row of this.selectAll.all()) out[row.key] = JSON.parse(row.value);
    return out;
  }

  writeMany(values: Record<string, unknown>, now = Date.now()): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) this.upsert.run(key, JSON.stringify(value), now);
    })();
  }
}
