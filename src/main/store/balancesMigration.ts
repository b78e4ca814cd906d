import type { Migration } from './migration';

const ADDRESS = (column: string) =>
  `length(${column}) = 42 AND substr(${column}, 1, 2) = '0x' AND NOT substr(${column}, 3) GLOB '*[^0-9A-Fa-f]*'`;
const CHAIN = 'chain_id BETWEEN 1 AND 9007199254740991';
/** A non-negative integer in decimal without leading zeros, up to 2^256 - 1 (78 digits). */
const AMOUNT = `length(amount) BETWEEN 1 AND 78 AND NOT amount GLOB '*[^0-9]*' AND (amount = '0' OR amount NOT GLOB '0*')`;

/**
 * The chains service's tables. The store owns every migration; MIGRATIONS gives this one its version.
 *
 * - `chain_reads`: per chain, the block of the last successful balance read. Every stored balance is
 *   current as of that block, even rows that were not rewritten because they did not change.
 * - `balances`: per (chain, account, token), the last amount read and the block it was read at. `available`
 *   is 0 when the latest read of that one balance failed; the last good amount is kept, not zeroed.
 * - `tokens`: tokens the user added and tokens that arrived unasked (`discovered`, hidden until shown).
 *   Bundled list tokens are not copied here.
 */
export const balancesMigration: Omit<Migration, 'version'> = {
  name: 'balances and tokens',
  up(db) {
    db.exec(`
      CREATE TABLE chain_reads (
        chain_id        INTEGER PRIMARY KEY NOT NULL CONSTRAINT chain_read_chain CHECK (${CHAIN}),
        block_number    INTEGER NOT NULL CONSTRAINT chain_read_block CHECK (block_number >= 0),
        block_timestamp INTEGER NOT NULL CONSTRAINT chain_read_timestamp CHECK (block_timestamp >= 0),
        read_at         INTEGER NOT NULL CONSTRAINT chain_read_time CHECK (read_at >= 0)
      ) STRICT;

      CREATE TABLE balances (
        chain_id     INTEGER NOT NULL CONSTRAINT balance_chain CHECK (${CHAIN}),
        account      TEXT NOT NULL CONSTRAINT balance_account CHECK (${ADDRESS('account')}),
        token        TEXT NOT NULL CONSTRAINT balance_token CHECK (token = 'native' OR ${ADDRESS('token')}),
        amount       TEXT CONSTRAINT balance_amount CHECK (${AMOUNT}),
        block_number INTEGER CONSTRAINT balance_block CHECK (block_number >= 0),
        available    INTEGER NOT NULL CONSTRAINT balance_available CHECK (available IN (0, 1)),
        updated_at   INTEGER NOT NULL CONSTRAINT balance_time CHECK (updated_at >= 0),
        CONSTRAINT balance_read CHECK ((amount IS NULL) = (block_number IS NULL) AND (available = 0 OR amount IS NOT NULL)),
        PRIMARY KEY (chain_id, account, token)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tokens (
        chain_id   INTEGER NOT NULL CONSTRAINT token_chain CHECK (${CHAIN}),
        address    TEXT NOT NULL CONSTRAINT token_address CHECK (${ADDRESS('address')}),
        symbol     TEXT NOT NULL CONSTRAINT token_symbol CHECK (length(symbol) BETWEEN 1 AND 32),
        name       TEXT NOT NULL CONSTRAINT token_name CHECK (length(name) BETWEEN 1 AND 100),
        decimals   INTEGER NOT NULL CONSTRAINT token_decimals CHECK (decimals BETWEEN 0 AND 255),
        source     TEXT NOT NULL CONSTRAINT token_source CHECK (source IN ('user', 'discovered')),
        hidden     INTEGER NOT NULL CONSTRAINT token_hidden CHECK (hidden IN (0, 1)),
        added_at   INTEGER NOT NULL CONSTRAINT token_time CHECK (added_at >= 0),
        PRIMARY KEY (chain_id, address)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
