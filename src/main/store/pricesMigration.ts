import type { Migration } from './migration';

/**
 * The price feeds' table. The store owns every migration; MIGRATIONS gives this one its version.
 *
 * `feed_readings`: per (chain, feed), the latest round the last read of that chain found, written in the
 * same transaction as the chain's balances, so stored prices and balances are always of one read.
 * `answer` is the feed's int256 as decimal text, kept as read (zero or negative included, for valuation to
 * refuse with a reason); null, with decimals and updated_at 0, when the feed could not be read.
 */
export const pricesMigration: Omit<Migration, 'version'> = {
  name: 'price feed readings',
  up(db) {
    db.exec(`
      CREATE TABLE feed_readings (
        chain_id     INTEGER NOT NULL CONSTRAINT feed_reading_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
        feed         TEXT NOT NULL CONSTRAINT feed_reading_feed CHECK (
                       length(feed) = 42 AND substr(feed, 1, 2) = '0x' AND NOT substr(feed, 3) GLOB '*[^0-9A-Fa-f]*'),
        answer       TEXT CONSTRAINT feed_reading_answer CHECK (
                       length(answer) BETWEEN 1 AND 79 AND answer NOT IN ('', '-')
                       AND NOT (CASE WHEN substr(answer, 1, 1) = '-' THEN substr(answer, 2) ELSE answer END) GLOB '*[^0-9]*'),
        decimals     INTEGER NOT NULL CONSTRAINT feed_reading_decimals CHECK (decimals BETWEEN 0 AND 255),
        updated_at   INTEGER NOT NULL CONSTRAINT feed_reading_updated CHECK (updated_at >= 0),
        block_number INTEGER NOT NULL CONSTRAINT feed_reading_block CHECK (block_number >= 0),
        read_at      INTEGER NOT NULL CONSTRAINT feed_reading_time CHECK (read_at >= 0),
        CONSTRAINT feed_reading_unread CHECK (answer IS NOT NULL OR (decimals = 0 AND updated_at = 0)),
        PRIMARY KEY (chain_id, feed)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
