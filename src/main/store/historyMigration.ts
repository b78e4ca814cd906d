import type { Migration } from './migration';

/** History's tables. The store owns every migration; MIGRATIONS gives this one its version. */
export const historyMigration: Omit<Migration, 'version'> = {
  name: 'history',
  up(db) {
    // Derived from the chains and rebuilt by the indexer, so none of it is in the backup. Addresses are
    // checksummed and hashes lowercase, as everywhere else in the store.
    db.exec(`
      CREATE TABLE history_transactions (
        id           INTEGER PRIMARY KEY,
        chain_id     INTEGER NOT NULL CONSTRAINT history_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
        hash         TEXT NOT NULL CONSTRAINT history_hash CHECK (length(hash) = 66 AND NOT substr(hash, 3) GLOB '*[^0-9a-f]*'),
        block_number INTEGER NOT NULL CONSTRAINT history_block CHECK (block_number >= 0),
        block_hash   TEXT NOT NULL CONSTRAINT history_block_hash CHECK (length(block_hash) = 66),
        tx_index     INTEGER NOT NULL,
        timestamp    INTEGER NOT NULL CONSTRAINT history_time CHECK (timestamp >= 0),
        from_address TEXT NOT NULL,
        to_address   TEXT,
        status       TEXT NOT NULL CONSTRAINT history_status CHECK (status IN ('success', 'failed')),
        fee          TEXT NOT NULL,
        -- Newer than the chain's confirmation depth when written: re-checked until it is final.
        provisional  INTEGER NOT NULL DEFAULT 0 CONSTRAINT history_provisional CHECK (provisional IN (0, 1)),
        UNIQUE (chain_id, hash)
      ) STRICT;
      CREATE INDEX history_transactions_provisional ON history_transactions (chain_id, block_number)
        WHERE provisional = 1;

      -- One row per transaction and account it concerns: the timeline. A destination bridge leg that is
      -- linked to its source entry is hidden; the source entry shows the whole transfer.
      CREATE TABLE history_entries (
        id             INTEGER PRIMARY KEY,
        transaction_id INTEGER NOT NULL REFERENCES history_transactions (id) ON DELETE CASCADE,
        chain_id       INTEGER NOT NULL,
        account        TEXT NOT NULL,
        timestamp      INTEGER NOT NULL,
        kind           TEXT NOT NULL CONSTRAINT history_kind CHECK (kind IN ('send', 'receive', 'self',
                         'approval', 'revoke', 'swap', 'bridge', 'contract-call', 'contract-creation')),
        counterparty   TEXT,
        -- The tokens it moved or approved, as |native|0x…|: the token filter reads it while walking the
        -- timeline, which costs less than a table and two more indexes on every write.
        tokens         TEXT NOT NULL,
        hidden         INTEGER NOT NULL DEFAULT 0 CONSTRAINT history_hidden CHECK (hidden IN (0, 1)),
        details        TEXT NOT NULL,
        UNIQUE (transaction_id, account)
      ) STRICT;
      -- Keyset pages walk (timestamp, id) downwards: along the timeline, or along one account or one chain
      -- when the filter names just one. UNIQUE (transaction_id, account) also serves the joins.
      CREATE INDEX history_timeline ON history_entries (timestamp DESC, id DESC) WHERE hidden = 0;
      CREATE INDEX history_by_account ON history_entries (account, timestamp DESC, id DESC) WHERE hidden = 0;
      CREATE INDEX history_by_chain ON history_entries (chain_id, timestamp DESC, id DESC) WHERE hidden = 0;

      CREATE TABLE history_bridge_legs (
        transaction_id INTEGER NOT NULL REFERENCES history_transactions (id) ON DELETE CASCADE,
        protocol       TEXT NOT NULL,
        role           TEXT NOT NULL CONSTRAINT bridge_role CHECK (role IN ('source', 'destination', 'refund')),
        key            TEXT NOT NULL CONSTRAINT bridge_key CHECK (length(key) BETWEEN 1 AND 300),
        from_chain_id  INTEGER NOT NULL,
        to_chain_id    INTEGER NOT NULL,
        token          TEXT,
        amount         TEXT,
        PRIMARY KEY (transaction_id, role, key)
      ) STRICT;
      CREATE INDEX history_bridge_legs_key ON history_bridge_legs (key);
    `);
  },
};
