import type { Database } from 'better-sqlite3';
import { storeWrite } from '../store/storeError';

/**
 * A queued request as stored: `body` is the JSON of its validated params and what the wallet made of them;
 * `via` the JSON of the channel it came through, null for the browser extension.
 */
export interface RequestRow {
  id: string;
  origin: string;
  method: string;
  body: string;
  via: string | null;
  receivedAt: number;
}

const COLUMNS = 'id, origin, method, params AS body, via, received_at AS receivedAt';

export class RequestQueueRepository {
  private readonly selectAll;
  private readonly insertOne;
  private readonly deleteOne;
  private readonly deleteExtensionOrigin;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], RequestRow>(
      `SELECT ${COLUMNS} FROM dapp_requests ORDER BY received_at, rowid`,
    );
    this.insertOne = db.prepare<[string, string, string, string, string | null, number]>(
      'INSERT INTO dapp_requests (id, origin, method, params, via, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM dapp_requests WHERE id = ?');
    this.deleteExtensionOrigin = db.prepare<[string]>(
      'DELETE FROM dapp_requests WHERE origin = ? AND via IS NULL',
    );
  }

  /** Oldest first. */
  list(): RequestRow[] {
    return this.selectAll.all();
  }

  add(row: RequestRow): void {
    storeWrite(() => this.insertOne.run(row.id, row.origin, row.method, row.body, row.via, row.receivedAt));
  }

  remove(id: string): void {
    storeWrite(() => this.deleteOne.run(id));
  }

  /** The extension's requests of one origin; a WalletConnect session claiming the same origin keeps its own. */
  removeExtensionOrigin(origin: string): void {
    storeWrite(() => this.deleteExtensionOrigin.run(origin));
  }
}
