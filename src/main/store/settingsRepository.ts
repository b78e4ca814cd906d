import type { Database } from 'better-sqlite3';
import { storeWrite } from './storeError';

/** One stored setting, as a backup carries it: the value is JSON this version may not understand. */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** Settings as stored: one JSON value per key, so adding a setting never needs a migration. */
export class SettingsRepository {
  private readonly selectAll;
  private readonly upsert;
  private readonly mergeOne;

  constructor(private readonly db: Database) {
    this.selectAll = db.prepare<[], { key: string; value: string; updatedAt: number }>(
      'SELECT key, value, updated_at AS updatedAt FROM settings ORDER BY key',
    );
    const insert = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;
    this.upsert = db.prepare<[string, string, number]>(insert);
    // Last writer wins by updated_at, so importing the same backup twice changes nothing.
    this.mergeOne = db.prepare<[string, string, number], { key: string }>(
      `${insert} WHERE excluded.updated_at > settings.updated_at RETURNING key`,
    );
  }

  readAll(): Record<string, unknown> {
    return Object.fromEntries(this.records().map(({ key, value }) => [key, value]));
  }

  records(): SettingRecord[] {
    return this.selectAll.all().map((row) => ({ ...row, value: JSON.parse(row.value) }));
  }

  writeMany(values: Record<string, unknown>, now = Date.now()): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) this.upsert.run(key, JSON.stringify(value), now);
    })();
  }

  /** For backup import, inside its transaction; returns whether anything changed. */
  merge(record: SettingRecord): boolean {
    const { key, value, updatedAt } = record;
    return storeWrite(() => this.mergeOne.get(key, JSON.stringify(value), updatedAt)) !== undefined;
  }
}
