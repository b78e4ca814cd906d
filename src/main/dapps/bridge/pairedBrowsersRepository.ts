import type { Database } from 'better-sqlite3';
import { storeWrite } from '../../store/storeError';

/** A paired extension as the store keeps it; its resume key is in the vault. */
export interface PairedBrowser {
  /** The rendezvous its resumes name, hex (16 bytes). */
  id: string;
  /** Its static X25519 public key, hex: the only key a resume for this id may come from. */
  browserKey: string;
  name: string;
  pairedAt: number;
  lastSeenAt: number;
}

const COLUMNS = 'id, browser_key AS browserKey, name, paired_at AS pairedAt, last_seen_at AS lastSeenAt';

export class PairedBrowsersRepository {
  private readonly insert;
  private readonly selectAll;
  private readonly selectOne;
  private readonly updateSeen;
  private readonly deleteOne;

  constructor(db: Database) {
    this.insert = db.prepare<[string, string, string, number, number]>(
      'INSERT INTO paired_browsers (id, browser_key, name, paired_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectAll = db.prepare<[], PairedBrowser>(
      `SELECT ${COLUMNS} FROM paired_browsers ORDER BY paired_at, id`,
    );
    this.selectOne = db.prepare<[string], PairedBrowser>(
      `SELECT ${COLUMNS} FROM paired_browsers WHERE id = ?`,
    );
    this.updateSeen = db.prepare<[number, string]>(
      'UPDATE paired_browsers SET last_seen_at = ? WHERE id = ?',
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM paired_browsers WHERE id = ?');
  }

  add(browser: PairedBrowser): void {
    const { id, browserKey, name, pairedAt, lastSeenAt } = browser;
    storeWrite(() => this.insert.run(id, browserKey, name, pairedAt, lastSeenAt));
  }

  list(): PairedBrowser[] {
    return this.selectAll.all();
  }

  get(id: string): PairedBrowser | undefined {
    return this.selectOne.get(id);
  }

  seen(id: string, at: number): void {
    storeWrite(() => this.updateSeen.run(at, id));
  }

  /** True when there was such a browser. */
  remove(id: string): boolean {
    return storeWrite(() => this.deleteOne.run(id)).changes > 0;
  }
}
