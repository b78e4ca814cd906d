import type { Database } from 'better-sqlite3';
import type { ChecksumAddress } from '../store/address';
import type { ChainBalances, TokenAddress } from './balanceReader';

export interface StoredBalance {
  chainId: number;
  account: ChecksumAddress;
  token: TokenAddress;
  /** The last amount read, in base units; null if it has never been read successfully. */
  amount: bigint | null;
  /** The block `amount` was read at. */
  blockNumber: number | null;
  /** False when the chain's latest read of this balance failed, so `amount` may be out of date. */
  available: boolean;
  updatedAt: number;
}

/** The chain's last successful read: every stored balance of the chain holds as of this block. */
export interface ChainRead {
  chainId: number;
  blockNumber: number;
  blockTimestamp: number;
  readAt: number;
}

export interface SaveSummary {
  written: number;
  removed: number;
}

interface BalanceRow {
  chainId: number;
  account: string;
  token: string;
  amount: string | null;
  blockNumber: number | null;
  available: 0 | 1;
  updatedAt: number;
}

const COLUMNS = `chain_id AS chainId, account, token, amount, block_number AS blockNumber, available,
  updated_at AS updatedAt`;
const READ_COLUMNS = `chain_id AS chainId, block_number AS blockNumber, block_timestamp AS blockTimestamp,
  read_at AS readAt`;
const KEY = 'chain_id = ? AND account = ? AND token = ?';

export class BalancesRepository {
  private readonly selectAll;
  private readonly selectChain;
  private readonly selectReads;
  private readonly upsert;
  private readonly markUnavailable;
  private readonly deleteOne;
  private readonly upsertRead;
  private readonly saveRead;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], BalanceRow>(
      `SELECT ${COLUMNS} FROM balances ORDER BY chain_id, account, token`,
    );
    this.selectChain = db.prepare<[number], BalanceRow>(`SELECT ${COLUMNS} FROM balances WHERE chain_id = ?`);
    this.selectReads = db.prepare<[], ChainRead>(`SELECT ${READ_COLUMNS} FROM chain_reads ORDER BY chain_id`);
    this.upsert = db.prepare<[number, string, string, string | null, number | null, number, number]>(
      `INSERT INTO balances (chain_id, account, token, amount, block_number, available, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (chain_id, account, token) DO UPDATE SET amount = excluded.amount,
         block_number = excluded.block_number, available = excluded.available, updated_at = excluded.updated_at`,
    );
    this.markUnavailable = db.prepare<[number, number, string, string]>(
      `UPDATE balances SET available = 0, updated_at = ? WHERE ${KEY}`,
    );
    this.deleteOne = db.prepare<[number, string, string]>(`DELETE FROM balances WHERE ${KEY}`);
    this.upsertRead = db.prepare<[number, number, number, number]>(
      `INSERT INTO chain_reads (chain_id, block_number, block_timestamp, read_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (chain_id) DO UPDATE SET block_number = excluded.block_number,
         block_timestamp = excluded.block_timestamp, read_at = excluded.read_at`,
    );
    this.saveRead = db.transaction((read: ChainBalances, now: number) => this.apply(read, now));
  }

  all(): StoredBalance[] {
    return this.selectAll.all().map(toBalance);
  }

  forChain(chainId: number): StoredBalance[] {
    return this.selectChain.all(chainId).map(toBalance);
  }

  reads(): ChainRead[] {
    return this.selectReads.all();
  }

  /**
   * Stores one read of a chain in one transaction: writes only balances whose amount or availability
   * changed, drops balances the read no longer covers (a removed account or token), and moves the chain's
   * read block, so the stored state is always that of one whole read.
   */
  save(read: ChainBalances, now = Date.now()): SaveSummary {
    return this.saveRead(read, now);
  }

  private apply(read: ChainBalances, now: number): SaveSummary {
    const { chainId, blockNumber } = read;
    const stored = new Map(this.selectChain.all(chainId).map((row) => [`${row.account}|${row.token}`, row]));
    let written = 0;
    for (const { account, token, amount } of read.entries) {
      const key = `${account}|${token}`;
      const before = stored.get(key);
      stored.delete(key);
      if (amount !== null) {
        const text = amount.toString();
        if (before?.available === 1 && before.amount === text) continue;
        this.upsert.run(chainId, account, token, text, blockNumber, 1, now);
      } else if (before) {
        if (before.available === 0) continue;
        this.markUnavailable.run(now, chainId, account, token);
      } else {
        this.upsert.run(chainId, account, token, null, null, 0, now);
      }
      written++;
    }
    for (const row of stored.values()) this.deleteOne.run(chainId, row.account, row.token);
    this.upsertRead.run(chainId, blockNumber, read.blockTimestamp, now);
    return { written, removed: stored.size };
  }
}

function toBalance(row: BalanceRow): StoredBalance {
  return {
    chainId: row.chainId,
    account: row.account as ChecksumAddress,
    token: row.token as TokenAddress,
    amount: row.amount === null ? null : BigInt(row.amount),
    blockNumber: row.blockNumber,
    available: row.available === 1,
    updatedAt: row.updatedAt,
  };
}
