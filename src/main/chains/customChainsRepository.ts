import type { Database } from 'better-sqlite3';
import { storeWrite } from '../store/storeError';

/** A network the user added, as stored: only what the chain's own registry entry would not say. */
export interface CustomChainRow {
  chainId: number;
  name: string;
  symbol: string;
  decimals: number;
  explorerUrl: string | null;
}

/** The `custom_chains` table, in the order the user added them. */
export class CustomChainsRepository {
  private readonly selectAll;
  private readonly insert;
  private readonly remove;
  private readonly updateExplorer;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], CustomChainRow>(
      `SELECT chain_id AS chainId, name, symbol, decimals, explorer_url AS explorerUrl
       FROM custom_chains ORDER BY created_at, chain_id`,
    );
    this.insert = db.prepare<[number, string, string, number, string | null, number]>(
      `INSERT INTO custom_chains (chain_id, name, symbol, decimals, explorer_url, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.remove = db.prepare<[number]>('DELETE FROM custom_chains WHERE chain_id = ?');
    this.updateExplorer = db.prepare<[string | null, number]>(
      'UPDATE custom_chains SET explorer_url = ? WHERE chain_id = ?',
    );
  }

  all(): CustomChainRow[] {
    return this.selectAll.all();
  }

  add(row: CustomChainRow, now: number): void {
    storeWrite(() => this.insert.run(row.chainId, row.name, row.symbol, row.decimals, row.explorerUrl, now));
  }

  setExplorer(chainId: number, explorerUrl: string | null): void {
    storeWrite(() => this.updateExplorer.run(explorerUrl, chainId));
  }

  delete(chainId: number): void {
    this.remove.run(chainId);
  }
}
