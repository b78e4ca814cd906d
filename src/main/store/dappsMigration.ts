import type { Migration } from './migration';

/**
 * The dApp connection service's state.
 * - `paired_browsers`: extensions paired over the loopback bridge. `id` is the rendezvous id an extension
 *   resumes on (16 bytes, hex); its static X25519 public key is pinned here. The resume pre-shared key is a
 *   secret and lives in the vault, never in this table.
 * - `dapp_sites`: one row per connected origin: the accounts it may see (JSON array of account ids, in the
 *   order `eth_accounts` returns them), its current chain, and its permission's lifetime.
 * - `dapp_requests`: requests waiting for the user, so a reload of the page or a restart of the desktop
 *   loses none. `params` is the validated request as JSON, bounded by the bridge's payload limit.
 * - `dapp_call_batches`: EIP-5792 batches, so `wallet_getCallsStatus` answers after a restart. `outgoing`
 *   is the JSON array of the wallet's outgoing transaction ids, in call order.
 *
 * The constraints are unnamed: only the wallet writes these rows, from input it validated first.
 */
export const dappsMigration: Omit<Migration, 'version'> = {
  name: 'dapp connections',
  up(db) {
    db.exec(`
      CREATE TABLE paired_browsers (
        id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32 AND NOT id GLOB '*[^0-9a-f]*'),
        browser_key  TEXT NOT NULL UNIQUE CHECK (length(browser_key) = 64 AND NOT browser_key GLOB '*[^0-9a-f]*'),
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        paired_at    INTEGER NOT NULL CHECK (paired_at >= 0),
        last_seen_at INTEGER NOT NULL CHECK (last_seen_at >= 0)
      ) STRICT;
      CREATE TABLE dapp_sites (
        origin          TEXT PRIMARY KEY NOT NULL CHECK (length(origin) BETWEEN 8 AND 300),
        accounts        TEXT NOT NULL CHECK (json_valid(accounts) AND json_type(accounts) = 'array'),
        chain_id        INTEGER NOT NULL CHECK (chain_id BETWEEN 1 AND 9007199254740991),
        window_ethereum INTEGER NOT NULL DEFAULT 0 CHECK (window_ethereum IN (0, 1)),
        connected_at    INTEGER NOT NULL CHECK (connected_at >= 0),
        last_used_at    INTEGER NOT NULL CHECK (last_used_at >= 0),
        expires_at      INTEGER CHECK (expires_at >= 0),
        revoked_at      INTEGER CHECK (revoked_at >= 0)
      ) STRICT;
      CREATE TABLE dapp_requests (
        id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32 AND NOT id GLOB '*[^0-9a-f]*'),
        origin      TEXT NOT NULL CHECK (length(origin) BETWEEN 8 AND 300),
        method      TEXT NOT NULL CHECK (length(method) BETWEEN 1 AND 64),
        params      TEXT NOT NULL CHECK (json_valid(params) AND length(params) <= 262144),
        received_at INTEGER NOT NULL CHECK (received_at >= 0)
      ) STRICT;
      CREATE INDEX dapp_requests_by_origin ON dapp_requests (origin, received_at);
      CREATE TABLE dapp_call_batches (
        id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 66 AND substr(id, 1, 2) = '0x'),
        origin     TEXT NOT NULL CHECK (length(origin) BETWEEN 8 AND 300),
        chain_id   INTEGER NOT NULL CHECK (chain_id BETWEEN 1 AND 9007199254740991),
        outgoing   TEXT NOT NULL CHECK (json_valid(outgoing) AND json_type(outgoing) = 'array'),
        failure    TEXT CHECK (length(failure) <= 600),
        created_at INTEGER NOT NULL CHECK (created_at >= 0)
      ) STRICT;
    `);
  },
};
