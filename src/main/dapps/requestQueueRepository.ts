import type { Database } from 'better-sqlite3';
import { storeWrite } from '../store/storeError';

/** A queued request as stored: `body` is the JSON of its validated params and what the wallet made of them. */
export interface RequestRow {
  id: string;
  origin: string;
  method: string;
  body: string;
  receivedAt: number;
}

const COLUMNS = 'id, origin, method, params AS body, received_at AS receivedAt';

export class RequestQueueRepository {
  private readonly selectAll;
  private readonly insertOne;
  private readonly deleteOne;
  private readonly deleteByOrigin;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], RequestRow>(
      `SELECT ${COLUMNS} FROM dapp_requests ORDER BY received_at, rowid`,
    );
    this.insertOne = db.prepare<[string, string, string, string, number]>(
      'INSERT INTO dapp_requests (id, origin, method, params, received_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM dapp_requests WHERE id = ?');
    this.deleteByOrigin = db.prepare<[string]>('DELETE FROM dapp_requests WHERE origin = ?');
  }

  /** Oldest first. */
  list(): RequestRow[] {
    return this.selectAll.all();
  }

  add(row: RequestRow): void {
    storeWrite(() => this.insertOne.run(row.id, row.origin, row.method, row.body, row.receivedAt));
  }

  remove(id: string): void {
    storeWrite(() => this.deleteOne.run(id));
  }

  removeOrigin(origin: string): void {
    storeWrite(() => this.deleteByOrigin.run(origin));
  }
}
