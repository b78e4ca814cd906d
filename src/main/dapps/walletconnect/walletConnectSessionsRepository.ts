import type { Database } from 'better-sqlite3';
import type { WalletConnectVerification } from '../../../shared/dapps';
import { storeWrite } from '../../store/storeError';

/** What the wallet keeps of a session beside WalletConnect's own record of it. */
export interface SessionRow {
  topic: string;
  origin: string;
  name: string;
  verification: WalletConnectVerification;
  connectedAt: number;
  lastUsedAt: number;
}

const COLUMNS = 'topic, origin, name, verification, connected_at AS connectedAt, last_used_at AS lastUsedAt';

export class WalletConnectSessionsRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insert;
  private readonly updateUse;
  private readonly deleteOne;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], SessionRow>(
      `SELECT ${COLUMNS} FROM walletconnect_sessions ORDER BY connected_at, topic`,
    );
    this.selectOne = db.prepare<[string], SessionRow>(
      `SELECT ${COLUMNS} FROM walletconnect_sessions WHERE topic = ?`,
    );
    this.insert = db.prepare<[string, string, string, string, number, number]>(
      `INSERT OR REPLACE INTO walletconnect_sessions (topic, origin, name, verification, connected_at, last_used_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.updateUse = db.prepare<[number, string]>(
      'UPDATE walletconnect_sessions SET last_used_at = ? WHERE topic = ?',
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM walletconnect_sessions WHERE topic = ?');
  }

  list(): SessionRow[] {
    return this.selectAll.all();
  }

  get(topic: string): SessionRow | undefined {
    return this.selectOne.get(topic);
  }

  add(row: SessionRow): void {
    storeWrite(() =>
      this.insert.run(row.topic, row.origin, row.name, row.verification, row.connectedAt, row.lastUsedAt),
    );
  }

  used(topic: string, at: number): void {
    storeWrite(() => this.updateUse.run(at, topic));
  }

  /** Whether there was a row. */
  remove(topic: string): boolean {
    return this.deleteOne.run(topic).changes > 0;
  }
}
