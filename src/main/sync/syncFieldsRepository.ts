import type { Database } from 'better-sqlite3';
import type { FieldStore, StoredField } from '../../shared/sync/fieldStore';
import { DELETED_FIELD, type SyncCollection, type SyncOp, type SyncValue } from '../../shared/sync/syncOps';

type Row = { key: string; field: string; value: string; hlc: string };

/** The merged state of every synced field, in SQLite: the field store the shared merge rules write to. */
export class SyncFieldsRepository implements FieldStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly selectCollection;
  private readonly selectRecord;
  private readonly countAll;
  private readonly selectLatest;
  private readonly deleteAll;

  constructor(db: Database) {
    this.selectOne = db.prepare<[string, string, string], { value: string; hlc: string }>(
      'SELECT value, hlc FROM sync_fields WHERE collection = ? AND key = ? AND field = ?',
    );
    this.upsert = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO sync_fields (collection, key, field, value, hlc) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (collection, key, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc`,
    );
    this.selectCollection = db.prepare<[string], Row>(
      'SELECT key, field, value, hlc FROM sync_fields WHERE collection = ? ORDER BY key, field',
    );
    this.selectRecord = db.prepare<[string, string], Row>(
      'SELECT key, field, value, hlc FROM sync_fields WHERE collection = ? AND key = ?',
    );
    this.countAll = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM sync_fields');
    this.selectLatest = db.prepare<[], { hlc: string | null }>('SELECT max(hlc) AS hlc FROM sync_fields');
    this.deleteAll = db.prepare('DELETE FROM sync_fields');
  }

  get(c: SyncCollection, k: string, f: string): StoredField | undefined {
    const row = this.selectOne.get(c, k, f);
    return row ? { v: JSON.parse(row.value) as SyncValue, t: row.hlc } : undefined;
  }

  put(op: SyncOp): void {
    this.upsert.run(op.c, op.k, op.f, JSON.stringify(op.v), op.t);
  }

  /** Every record of a collection as last merged, deleted ones included, with each field's stamp. */
  collection(c: SyncCollection): Map<string, Map<string, StoredField>> {
    const records = new Map<string, Map<string, StoredField>>();
    for (const row of this.selectCollection.iterate(c)) {
      let fields = records.get(row.key);
      if (!fields) records.set(row.key, (fields = new Map()));
      fields.set(row.field, { v: JSON.parse(row.value) as SyncValue, t: row.hlc });
    }
    return records;
  }

  /** One record's live fields, or null when it does not exist or was deleted. */
  record(c: SyncCollection, k: string): Record<string, SyncValue> | null {
    const rows = this.selectRecord.all(c, k);
    const fields: Record<string, SyncValue> = {};
    let deleted = rows.length === 0;
    for (const row of rows) {
      const value = JSON.parse(row.value) as SyncValue;
      if (row.field === DELETED_FIELD) deleted = value === true;
      else fields[row.field] = value;
    }
    return deleted ? null : fields;
  }

  count(): number {
    return this.countAll.get()?.count ?? 0;
  }

  /** The newest stamp stored, whoever made it: a clock that restarted must still follow it. */
  latestStamp(): string | null {
    return this.selectLatest.get()?.hlc ?? null;
  }

  clear(): void {
    this.deleteAll.run();
  }
}
