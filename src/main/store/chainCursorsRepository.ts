import type { Database } from 'better-sqlite3';
import { StoreError, storeWrite } from './storeError';

/** One sync stream: what (`kind`, e.g. history or tokens) is read for which account, chain and provider. */
export interface CursorKey {
  accountId: number;
  chainId: number;
  kind: string;
  provider: string;
}

export interface ChainCursor extends CursorKey {
  /** The last block whose data is stored; the next run starts after it. */
  blockNumber: number;
  /** That block's hash, so the next run can tell a reorg from progress. */
  blockHash: string;
  updatedAt: number;
}

const COLUMNS = `account_id AS accountId, chain_id AS chainId, kind, provider, block_number AS blockNumber,
  block_hash AS blockHash, updated_at AS updatedAt`;
const KEY = 'account_id = ? AND chain_id = ? AND kind = ? AND provider = ?';
type KeyRow = [number, number, string, string];

export class ChainCursorsRepository {
  private readonly selectOne;
  private readonly selectForAccount;
  private readonly upsert;
  private readonly deleteOne;
  private readonly rewindPast;

  constructor(db: Database) {
    this.selectOne = db.prepare<KeyRow, ChainCursor>(`SELECT ${COLUMNS} FROM chain_cursors WHERE ${KEY}`);
    this.selectForAccount = db.prepare<[number], ChainCursor>(
      `SELECT ${COLUMNS} FROM chain_cursors WHERE account_id = ? ORDER BY chain_id, kind, provider`,
    );
    this.upsert = db.prepare<[...KeyRow, number, string, number]>(
      `INSERT INTO chain_cursors (account_id, chain_id, kind, provider, block_number, block_hash, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, chain_id, kind, provider) DO UPDATE SET
         block_number = excluded.block_number, block_hash = excluded.block_hash, updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare<KeyRow>(`DELETE FROM chain_cursors WHERE ${KEY}`);
    this.rewindPast = db.prepare<[number, string, number, number, string, number]>(
      `UPDATE chain_cursors SET block_number = ?, block_hash = ?, updated_at = ?
       WHERE chain_id = ? AND kind = ? AND block_number > ?`,
    );
  }

  get(key: CursorKey): ChainCursor | undefined {
    return this.selectOne.get(...keyRow(key));
  }

  forAccount(accountId: number): ChainCursor[] {
    return this.selectForAccount.all(accountId);
  }

  /**
   * Moves the cursor, forward as sync progresses or back after a reorg. Call it in the same transaction as
   * the rows it covers, so the cursor never claims data that is not stored.
   */
  save(cursor: Omit<ChainCursor, 'updatedAt'>, now = Date.now()): void {
    storeWrite(
      () => this.upsert.run(...keyRow(cursor), cursor.blockNumber, cursor.blockHash, now),
      'That account does not exist in this wallet.',
    );
  }

  /**
   * After a reorg: every stream of `kind` on the chain that is past `to` moves back to it, whatever its
   * account or provider, so the next run reads the replaced blocks again.
   */
  rewind(
    chainId: number,
    kind: string,
    to: { blockNumber: number; blockHash: string },
    now = Date.now(),
  ): void {
    this.rewindPast.run(to.blockNumber, to.blockHash, now, chainId, kind, to.blockNumber);
  }

  /** Forgets the stream, so its next sync starts from scratch. */
  remove(key: CursorKey): void {
    if (this.deleteOne.run(...keyRow(key)).changes === 0) {
      throw new StoreError('not_found', 'There is no sync cursor for that account, chain and kind.');
    }
  }
}

function keyRow({ accountId, chainId, kind, provider }: CursorKey): KeyRow {
  return [accountId, chainId, kind, provider];
}
