import type { Database } from 'better-sqlite3';
import type { ChainBalances } from '../chains/balanceReader';
import type { ChecksumAddress } from '../store/address';
import type { FeedReading } from './valuation';

interface ReadingRow {
  chainId: number;
  feed: string;
  answer: string | null;
  decimals: number;
  updatedAt: number;
  readAt: number;
}

/** The latest round of every feed, as the last read of its chain found it. */
export class FeedReadingsRepository {
  private readonly selectAll;
  private readonly deleteChain;
  private readonly insert;
  private readonly replace;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], ReadingRow>(
      `SELECT chain_id AS chainId, feed, answer, decimals, updated_at AS updatedAt, read_at AS readAt
       FROM feed_readings ORDER BY chain_id, feed`,
    );
    this.deleteChain = db.prepare<[number]>('DELETE FROM feed_readings WHERE chain_id = ?');
    this.insert = db.prepare<[number, string, string | null, number, number, number, number]>(
      `INSERT INTO feed_readings (chain_id, feed, answer, decimals, updated_at, block_number, read_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.replace = db.transaction((read: ChainBalances, readAt: number) => {
      this.deleteChain.run(read.chainId);
      for (const { feed, round } of read.feeds) {
        this.insert.run(
          read.chainId,
          feed,
          round?.answer.toString() ?? null,
          round?.decimals ?? 0,
          round?.updatedAt ?? 0,
          read.blockNumber,
          readAt,
        );
      }
    });
  }

  all(): FeedReading[] {
    return this.selectAll.all().map((row) => ({
      chainId: row.chainId,
      feed: row.feed as ChecksumAddress,
      answer: row.answer === null ? null : BigInt(row.answer),
      decimals: row.decimals,
      updatedAt: row.updatedAt,
      readAt: row.readAt,
    }));
  }

  /**
   * Replaces a chain's readings with those of one read (a feed it no longer covers goes). Run it inside the
   * transaction that stores the read's balances, so prices and balances are of the same read.
   */
  save(read: ChainBalances, readAt: number): void {
    this.replace(read, readAt);
  }
}
