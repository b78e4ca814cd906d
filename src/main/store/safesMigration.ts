import type { Migration } from './migration';

const ADDRESS = (column: string) =>
  `length(${column}) = 42 AND substr(${column}, 1, 2) = '0x' AND NOT substr(${column}, 3) GLOB '*[^0-9A-Fa-f]*'`;
const HASH = (column: string) =>
  `length(${column}) = 66 AND substr(${column}, 1, 2) = '0x' AND NOT substr(${column}, 3) GLOB '*[^0-9a-f]*'`;

/**
 * Safes the wallet follows and the Safe transactions it collects signatures for.
 * - `safes`: one per (chain, address); `state` is the last on-chain read (SafeChainState as JSON, amounts as
 *   decimal text), null until the first read. `deploying` keeps the creation transaction this wallet sent.
 * - `safe_transactions`: a SafeTx by its hash (which binds chain, Safe and every field, so it is unique across
 *   Safes); `nonce` is copied out of `fields` for ordering and stale checks.
 * - `safe_confirmations`: one signature per owner, with the device that made it.
 *
 * The constraints are unnamed: only the Safes repositories write these rows, from input they validated.
 */
export const safesMigration: Omit<Migration, 'version'> = {
  name: 'safes',
  up(db) {
    db.exec(`
      CREATE TABLE safes (
        id                     INTEGER PRIMARY KEY,
        chain_id               INTEGER NOT NULL CHECK (chain_id BETWEEN 1 AND 9007199254740991),
        address                TEXT NOT NULL CHECK (${ADDRESS('address')}),
        name                   TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        status                 TEXT NOT NULL CHECK (status IN ('deploying', 'ready', 'failed')),
        deployment_hash        TEXT CHECK (deployment_hash IS NULL OR (${HASH('deployment_hash')})),
        deployment_outgoing_id INTEGER,
        state                  TEXT CHECK (state IS NULL OR (json_valid(state) AND length(state) <= 65536)),
        error                  TEXT CHECK (error IS NULL OR length(error) BETWEEN 1 AND 1000),
        read_at                INTEGER CHECK (read_at IS NULL OR read_at >= 0),
        created_at             INTEGER NOT NULL CHECK (created_at >= 0),
        updated_at             INTEGER NOT NULL CHECK (updated_at >= created_at),
        CHECK (deployment_hash IS NOT NULL OR deployment_outgoing_id IS NULL),
        CHECK (status <> 'deploying' OR deployment_hash IS NOT NULL),
        CHECK ((state IS NULL) = (read_at IS NULL)),
        UNIQUE (chain_id, address)
      ) STRICT;

      CREATE TABLE safe_transactions (
        id                    INTEGER PRIMARY KEY,
        safe_id               INTEGER NOT NULL REFERENCES safes (id) ON DELETE CASCADE,
        safe_tx_hash          TEXT NOT NULL UNIQUE CHECK (${HASH('safe_tx_hash')}),
        fields                TEXT NOT NULL CHECK (json_valid(fields) AND length(fields) <= 300000),
        nonce                 INTEGER NOT NULL CHECK (nonce BETWEEN 0 AND 9007199254740991),
        kind                  TEXT NOT NULL CHECK (kind IN ('send', 'token-send', 'revoke', 'add-owner',
                                'remove-owner', 'change-threshold', 'call')),
        summary               TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
        warnings              TEXT NOT NULL CHECK (json_valid(warnings) AND length(warnings) <= 40000),
        status                TEXT NOT NULL CHECK (status IN ('collecting', 'ready', 'executing', 'executed',
                                'failed', 'replaced')),
        execution_hash        TEXT CHECK (execution_hash IS NULL OR (${HASH('execution_hash')})),
        execution_by          TEXT CHECK (execution_by IS NULL OR (${ADDRESS('execution_by')})),
        execution_outgoing_id INTEGER,
        created_at            INTEGER NOT NULL CHECK (created_at >= 0),
        updated_at            INTEGER NOT NULL CHECK (updated_at >= created_at),
        CHECK ((execution_hash IS NULL) = (execution_by IS NULL)),
        CHECK (execution_hash IS NOT NULL OR execution_outgoing_id IS NULL),
        CHECK (status NOT IN ('executing', 'executed', 'failed') OR execution_hash IS NOT NULL)
      ) STRICT;
      CREATE INDEX safe_transactions_by_safe ON safe_transactions (safe_id, nonce);
      CREATE INDEX safe_transactions_by_execution ON safe_transactions (execution_hash)
        WHERE execution_hash IS NOT NULL;

      CREATE TABLE safe_confirmations (
        tx_id              INTEGER NOT NULL REFERENCES safe_transactions (id) ON DELETE CASCADE,
        owner              TEXT NOT NULL CHECK (${ADDRESS('owner')}),
        r                  TEXT NOT NULL CHECK (${HASH('r')}),
        s                  TEXT NOT NULL CHECK (${HASH('s')}),
        y_parity           INTEGER NOT NULL CHECK (y_parity IN (0, 1)),
        signer_kind        TEXT NOT NULL CHECK (signer_kind IN ('ledger', 'trezor', 'phone', 'other')),
        signer_label       TEXT NOT NULL CHECK (length(signer_label) <= 100),
        signer_fingerprint TEXT CHECK (signer_fingerprint IS NULL OR length(signer_fingerprint) BETWEEN 1 AND 128),
        mode               TEXT NOT NULL CHECK (mode IN ('clear', 'hashed', 'phone')),
        signed_at          INTEGER NOT NULL CHECK (signed_at >= 0),
        PRIMARY KEY (tx_id, owner)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
