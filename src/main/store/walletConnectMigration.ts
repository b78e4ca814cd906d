import type { Migration } from './migration';

/**
 * WalletConnect's state beside the dApp connection service's.
 * - `walletconnect_store`: the key-value store `@walletconnect/core` and WalletKit keep their records in
 *   (pairings, sessions, proposals, the relay's subscriptions, JSON-RPC history, encrypted messages), one
 *   JSON value per key. Its keychain (the symmetric keys of pairings and sessions, the X25519 private keys,
 *   the relay identity's seed) never comes here: it lives in the vault.
 * - `walletconnect_sessions`: what the wallet adds to a session WalletKit keeps: the dApp's claimed origin
 *   and name at approval, what Verify said of it then, and when it was approved and last used.
 * - `dapp_requests.via`: how a waiting request arrived, as JSON; null for the browser extension.
 *
 * The constraints are unnamed: only the wallet writes these rows, from input it validated first.
 */
export const walletConnectMigration: Omit<Migration, 'version'> = {
  name: 'walletconnect',
  up(db) {
    db.exec(`
      CREATE TABLE walletconnect_store (
        key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
        value TEXT NOT NULL CHECK (json_valid(value) AND length(value) <= 4194304)
      ) STRICT;
      CREATE TABLE walletconnect_sessions (
        topic        TEXT PRIMARY KEY NOT NULL CHECK (length(topic) = 64 AND NOT topic GLOB '*[^0-9a-f]*'),
        origin       TEXT NOT NULL CHECK (length(origin) BETWEEN 8 AND 300),
        name         TEXT NOT NULL CHECK (length(name) <= 80),
        verification TEXT NOT NULL CHECK (verification IN ('validated', 'unknown', 'mismatch', 'threat')),
        connected_at INTEGER NOT NULL CHECK (connected_at >= 0),
        last_used_at INTEGER NOT NULL CHECK (last_used_at >= 0)
      ) STRICT;
      ALTER TABLE dapp_requests ADD COLUMN via TEXT CHECK (via IS NULL OR (json_valid(via) AND length(via) <= 1000));
    `);
  },
};
