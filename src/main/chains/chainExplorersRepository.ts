import type { Database } from 'better-sqlite3';
import { storeWrite } from '../store/storeError';

/** The `chain_explorers` table: the explorer the user set for a chain, by chain id. */
export class ChainExplorersRepository {
  private readonly selectAll;
  private readonly upsert;
  private readonly remove;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], { chainId: number; url: string }>(
      'SELECT chain_id AS chainId, url FROM chain_explorers',
    );
    this.upsert = db.prepare<[number, string]>(
      `INSERT INTO chain_explorers (chain_id, url) VALUES (?, ?)
       ON CONFLICT (chain_id) DO UPDATE SET url = excluded.url`,
    );
    this.remove = db.prepare<[number]>('DELETE FROM chain_explorers WHERE chain_id = ?');
  }

  all(): Map<number, string> {
    return new Map(this.selectAll.all().map((row) => [row.chainId, row.url]));
  }

  set(chainId: number, url: string | null): void {
    if (url === null) this.remove.run(chainId);
    else storeWrite(() => this.upsert.run(chainId, url));
  }
}
