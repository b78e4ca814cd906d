import type { Database } from 'better-sqlite3';
import type { FiatCurrency } from '../../shared/settings';
import type { ChecksumAddress } from '../store/address';

/** One account's value on one network, in one currency, at the end of one refresh. */
export interface ValueSnapshot {
  chainId: number;
  account: ChecksumAddress;
  /** Milliseconds since the epoch. */
  at: number;
  /** Exact decimal text in whole units of the currency. */
  value: string;
  unpriced: number;
}

/** Rows older than `before` keep only the last of each `bucketMs` slice of their (chain, account). */
export interface Thinning {
  before: number;
  bucketMs: number;
}

const COLUMNS = 'chain_id AS chainId, account, at, value, unpriced';

/** The `value_snapshots` table. */
export class ValueSnapshotsRepository {
  private readonly selectLatest;
  private readonly selectLatestOfEach;
  private readonly selectNewest;
  private readonly insert;
  private readonly thin;
  private readonly saveAll;

  constructor(db: Database) {
    this.selectLatest = db.prepare<[FiatCurrency, number, string], ValueSnapshot>(
      `SELECT ${COLUMNS} FROM value_snapshots WHERE currency = ? AND chain_id = ? AND account = ?
       ORDER BY at DESC LIMIT 1`,
    );
    // SQLite gives the bare columns of the row where max(at) is found: each series' newest row.
    this.selectLatestOfEach = db.prepare<[FiatCurrency], ValueSnapshot & { newest: number }>(
      `SELECT ${COLUMNS}, max(at) AS newest FROM value_snapshots WHERE currency = ? GROUP BY chain_id, account`,
    );
    this.selectNewest = db.prepare<[FiatCurrency, number], ValueSnapshot>(
      `SELECT * FROM (SELECT ${COLUMNS} FROM value_snapshots WHERE currency = ? ORDER BY at DESC LIMIT ?)
       ORDER BY at, chainId, account`,
    );
    this.insert = db.prepare<[FiatCurrency, number, string, number, string, number]>(
      `INSERT INTO value_snapshots (currency, chain_id, account, at, value, unpriced) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (currency, chain_id, account, at) DO UPDATE SET value = excluded.value,
         unpriced = excluded.unpriced`,
    );
    // A row goes when a later row of its series falls in the same bucket, before the cut-off: one index seek
    // per old row. (A NOT IN over grouped maxima is quadratic here: seconds for a season of history.)
    this.thin = db.prepare<{ before: number; bucketMs: number }>(
      `DELETE FROM value_snapshots AS s WHERE at < @before AND EXISTS (
         SELECT 1 FROM value_snapshots AS later
         WHERE later.currency = s.currency AND later.chain_id = s.chain_id AND later.account = s.account
           AND later.at > s.at
           AND later.at < min(@before, (s.at / CAST(@bucketMs AS INTEGER) + 1) * CAST(@bucketMs AS INTEGER)))`,
    );
    this.saveAll = db.transaction(
      (currency: FiatCurrency, snapshots: readonly ValueSnapshot[], thinning: readonly Thinning[]) => {
        for (const s of snapshots) this.insert.run(currency, s.chainId, s.account, s.at, s.value, s.unpriced);
        for (const step of thinning) this.thin.run(step);
      },
    );
  }

  /** The newest snapshot of one (chain, account) in `currency`: one index seek, however long the history. */
  latest(currency: FiatCurrency, chainId: number, account: ChecksumAddress): ValueSnapshot | undefined {
    return this.selectLatest.get(currency, chainId, account);
  }

  /** The newest snapshot of every (chain, account) in `currency`. */
  latestOfEach(currency: FiatCurrency): ValueSnapshot[] {
    return this.selectLatestOfEach.all(currency).map(({ newest: _newest, ...snapshot }) => snapshot);
  }

  /** The newest `limit` snapshots in `currency`, oldest first. */
  newest(currency: FiatCurrency, limit: number): ValueSnapshot[] {
    return this.selectNewest.all(currency, limit);
  }

  /** Stores the snapshots and thins old ones, all or nothing. */
  save(currency: FiatCurrency, snapshots: readonly ValueSnapshot[], thinning: readonly Thinning[]): void {
    this.saveAll(currency, snapshots, thinning);
  }
}
