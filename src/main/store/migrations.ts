import { balancesMigration } from './balancesMigration';
import { historyMigration } from './historyMigration';
import { historyTimelineMigration } from './historyTimelineMigration';
import type { Migration } from './migration';
import { pricesMigration } from './pricesMigration';
import { safesMigration } from './safesMigration';
import { dappsMigration } from './dappsMigration';
import { valueSnapshotsMigration } from './valueSnapshotsMigration';
import { walletConnectMigration } from './walletConnectMigration';

/**
 * Forward-only. A released migration is never edited; a capability that needs new tables appends one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key        TEXT PRIMARY KEY NOT NULL,
          value      TEXT NOT NULL CHECK (json_valid(value)),
          updated_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'devices and accounts',
    up(db) {
      db.exec(`
        CREATE TABLE devices (
          fingerprint   TEXT PRIMARY KEY NOT NULL
                        CONSTRAINT device_fingerprint CHECK (length(fingerprint) BETWEEN 1 AND 128),
          kind          TEXT NOT NULL CONSTRAINT device_kind CHECK (kind IN ('ledger', 'trezor', 'phone')),
          name          TEXT NOT NULL CONSTRAINT device_name CHECK (length(name) BETWEEN 1 AND 100),
          model         TEXT CONSTRAINT device_model CHECK (length(model) BETWEEN 1 AND 100),
          paired_at     INTEGER,
          first_seen_at INTEGER NOT NULL,
          last_seen_at  INTEGER NOT NULL,
          CONSTRAINT device_pairing CHECK ((kind = 'phone') = (paired_at IS NOT NULL)),
          CONSTRAINT device_seen CHECK (first_seen_at >= 0 AND last_seen_at >= first_seen_at),
          -- The target of accounts' (device, signer) key, so an account's signer always matches its device.
          UNIQUE (fingerprint, kind)
        ) STRICT;

        CREATE TABLE accounts (
          id                 INTEGER PRIMARY KEY,
          signer             TEXT NOT NULL
                             CONSTRAINT account_signer CHECK (signer IN ('ledger', 'trezor', 'phone', 'watch')),
          device_fingerprint TEXT,
          derivation_scheme  TEXT CONSTRAINT account_derivation_scheme
                             CHECK (derivation_scheme IN ('bip44', 'ledger-live', 'legacy', 'custom')),
          derivation_path    TEXT CONSTRAINT account_derivation_path CHECK (
                               length(derivation_path) <= 100 AND derivation_path GLOB 'm/[0-9]*'
                               AND NOT substr(derivation_path, 2) GLOB '*[^0-9/'']*'
                               AND NOT derivation_path GLOB '*/' AND NOT derivation_path GLOB '*//*'),
          address            TEXT NOT NULL CONSTRAINT account_address CHECK (
                               length(address) = 42 AND substr(address, 1, 2) = '0x'
                               AND NOT substr(address, 3) GLOB '*[^0-9A-Fa-f]*'),
          label              TEXT NOT NULL CONSTRAINT account_label CHECK (length(label) <= 100),
          created_at         INTEGER NOT NULL,
          updated_at         INTEGER NOT NULL,
          CONSTRAINT account_time CHECK (created_at >= 0 AND updated_at >= 0),
          CONSTRAINT account_device CHECK ((signer = 'watch') = (device_fingerprint IS NULL)),
          CONSTRAINT account_derivation CHECK ((derivation_scheme IS NULL) = (derivation_path IS NULL)),
          CONSTRAINT account_watch_derivation CHECK (signer <> 'watch' OR derivation_path IS NULL),
          CONSTRAINT account_hardware_derivation
            CHECK (signer NOT IN ('ledger', 'trezor') OR derivation_path IS NOT NULL),
          FOREIGN KEY (device_fingerprint, signer) REFERENCES devices (fingerprint, kind),
          UNIQUE (device_fingerprint, derivation_path),
          UNIQUE (device_fingerprint, address)
        ) STRICT;

        -- NULL devices are distinct to UNIQUE above, so watch-only addresses need their own index.
        CREATE UNIQUE INDEX accounts_watch_address ON accounts (address) WHERE signer = 'watch';
      `);
    },
  },
  {
    version: 3,
    name: 'labels and address book',
    up(db) {
      // A NULL chain means every chain: an externally owned address is the same key on all of them.
      db.exec(`
        CREATE TABLE labels (
          address    TEXT NOT NULL CONSTRAINT label_address CHECK (
                       length(address) = 42 AND substr(address, 1, 2) = '0x'
                       AND NOT substr(address, 3) GLOB '*[^0-9A-Fa-f]*'),
          chain_id   INTEGER CONSTRAINT label_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          kind       TEXT NOT NULL CONSTRAINT label_kind CHECK (kind IN ('eoa', 'contract')),
          name       TEXT NOT NULL CONSTRAINT label_name CHECK (length(name) BETWEEN 1 AND 100),
          note       TEXT NOT NULL CONSTRAINT label_note CHECK (length(note) <= 1000),
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          CONSTRAINT label_time CHECK (created_at >= 0 AND updated_at >= 0),
          CONSTRAINT label_contract_chain CHECK (kind = 'eoa' OR chain_id IS NOT NULL)
        ) STRICT;
        CREATE UNIQUE INDEX labels_scope ON labels (address, ifnull(chain_id, 0));

        CREATE TABLE address_book (
          address    TEXT NOT NULL CONSTRAINT contact_address CHECK (
                       length(address) = 42 AND substr(address, 1, 2) = '0x'
                       AND NOT substr(address, 3) GLOB '*[^0-9A-Fa-f]*'),
          chain_id   INTEGER CONSTRAINT contact_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          name       TEXT NOT NULL CONSTRAINT contact_name CHECK (length(name) BETWEEN 1 AND 100),
          note       TEXT NOT NULL CONSTRAINT contact_note CHECK (length(note) <= 1000),
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          CONSTRAINT contact_time CHECK (created_at >= 0 AND updated_at >= 0)
        ) STRICT;
        CREATE UNIQUE INDEX address_book_scope ON address_book (address, ifnull(chain_id, 0));
      `);
    },
  },
  {
    version: 4,
    name: 'chain cursors',
    up(db) {
      // Sync state, derived from the chain: it follows its account out when the account is removed.
      db.exec(`
        CREATE TABLE chain_cursors (
          chain_id     INTEGER NOT NULL CONSTRAINT cursor_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          kind         TEXT NOT NULL CONSTRAINT cursor_kind
                       CHECK (length(kind) BETWEEN 1 AND 32 AND NOT kind GLOB '*[^a-z0-9-]*'),
          provider     TEXT NOT NULL CONSTRAINT cursor_provider CHECK (length(provider) BETWEEN 1 AND 200),
          block_number INTEGER NOT NULL CONSTRAINT cursor_block CHECK (block_number >= 0),
          -- Kept so a sync run can tell a reorg from progress before it builds on the cursor.
          block_hash   TEXT NOT NULL CONSTRAINT cursor_hash CHECK (
                         length(block_hash) = 66 AND substr(block_hash, 1, 2) = '0x'
                         AND NOT substr(block_hash, 3) GLOB '*[^0-9a-f]*'),
          updated_at   INTEGER NOT NULL,
          PRIMARY KEY (account_id, chain_id, kind, provider)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 5,
    name: 'vault',
    up(db) {
      // Key material lives in the OS keychain; these rows only name the keys and hold sealed secrets.
      db.exec(`
        CREATE TABLE vault_keys (
          id         TEXT PRIMARY KEY NOT NULL
                     CHECK (length(id) = 32 AND NOT id GLOB '*[^0-9a-f]*'),
          active     INTEGER NOT NULL CHECK (active IN (0, 1)),
          created_at INTEGER NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX vault_keys_one_active ON vault_keys (active) WHERE active = 1;

        CREATE TABLE vault_secrets (
          name       TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
          key_id     TEXT NOT NULL REFERENCES vault_keys (id),
          nonce      BLOB NOT NULL CHECK (length(nonce) = 24),
          ciphertext BLOB NOT NULL CHECK (length(ciphertext) >= 16),
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX vault_secrets_key ON vault_secrets (key_id);
      `);
    },
  },
  { version: 6, ...balancesMigration },
  {
    version: 7,
    name: 'custom networks',
    up(db) {
      db.exec(`
        CREATE TABLE custom_chains (
          chain_id     INTEGER PRIMARY KEY CONSTRAINT custom_chain_id CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          name         TEXT NOT NULL CONSTRAINT custom_chain_name CHECK (length(name) BETWEEN 1 AND 50),
          symbol       TEXT NOT NULL CONSTRAINT custom_chain_symbol CHECK (length(symbol) BETWEEN 1 AND 12),
          decimals     INTEGER NOT NULL CONSTRAINT custom_chain_decimals CHECK (decimals BETWEEN 0 AND 36),
          explorer_url TEXT CONSTRAINT custom_chain_explorer CHECK (explorer_url IS NULL OR explorer_url LIKE 'https://%'),
          created_at   INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 8,
    name: 'signatures',
    up(db) {
      // The account's address, not its id: history keeps naming the device after the account is removed.
      db.exec(`
        CREATE TABLE signatures (
          id                 INTEGER PRIMARY KEY,
          address            TEXT NOT NULL CONSTRAINT signature_address CHECK (
                               length(address) = 42 AND substr(address, 1, 2) = '0x'
                               AND NOT substr(address, 3) GLOB '*[^0-9A-Fa-f]*'),
          signer             TEXT NOT NULL CONSTRAINT signature_signer CHECK (signer IN ('ledger', 'trezor', 'phone')),
          device_fingerprint TEXT NOT NULL CONSTRAINT signature_device CHECK (length(device_fingerprint) BETWEEN 1 AND 128),
          kind               TEXT NOT NULL CONSTRAINT signature_kind CHECK (kind IN ('message', 'typed-data', 'transaction')),
          chain_id           INTEGER CONSTRAINT signature_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          -- The transaction hash for a transaction, else the EIP-191 or EIP-712 digest that was signed.
          digest             TEXT NOT NULL CONSTRAINT signature_digest CHECK (
                               length(digest) = 66 AND substr(digest, 1, 2) = '0x'
                               AND NOT substr(digest, 3) GLOB '*[^0-9a-f]*'),
          signed_at          INTEGER NOT NULL CONSTRAINT signature_time CHECK (signed_at >= 0),
          CONSTRAINT signature_transaction_chain CHECK (kind <> 'transaction' OR chain_id IS NOT NULL)
        ) STRICT;
        CREATE INDEX signatures_digest ON signatures (digest);
      `);
    },
  },
  { version: 9, ...historyMigration },
  {
    version: 10,
    name: 'outgoing transactions',
    up(db) {
      // Written before anything is broadcast: the signed bytes are kept so a broadcast interrupted by a crash
      // or quit is retried with the same transaction on the next start, never signed again.
      db.exec(`
        CREATE TABLE outgoing_transactions (
          id           INTEGER PRIMARY KEY,
          address      TEXT NOT NULL CONSTRAINT outgoing_address CHECK (length(address) = 42),
          chain_id     INTEGER NOT NULL CONSTRAINT outgoing_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          nonce        INTEGER NOT NULL CONSTRAINT outgoing_nonce CHECK (nonce >= 0),
          hash         TEXT NOT NULL UNIQUE CONSTRAINT outgoing_hash CHECK (length(hash) = 66),
          raw          TEXT NOT NULL,
          purpose      TEXT NOT NULL CONSTRAINT outgoing_purpose
                       CHECK (purpose IN ('send', 'speed-up', 'cancel', 'revoke')),
          replaces     INTEGER REFERENCES outgoing_transactions (id),
          status       TEXT NOT NULL CONSTRAINT outgoing_status CHECK (status IN ('signed', 'pending', 'included',
                         'failed', 'dropped', 'replaced')),
          block_number INTEGER,
          reason       TEXT,
          created_at   INTEGER NOT NULL,
          updated_at   INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX outgoing_by_sender ON outgoing_transactions (address, chain_id, nonce);
        CREATE INDEX outgoing_open ON outgoing_transactions (status) WHERE status IN ('signed', 'pending');
      `);
    },
  },
  {
    version: 11,
    name: 'phone pairings',
    up(db) {
      // The resume keys are secrets and live in the vault; this holds only what routes a phone's next
      // handshake (its pinned public key and the inbox ids it will knock on) and where the relay listens.
      db.exec(`
        CREATE TABLE phone_pairings (
          fingerprint    TEXT PRIMARY KEY NOT NULL REFERENCES devices (fingerprint) ON DELETE CASCADE,
          phone_key      TEXT NOT NULL UNIQUE CONSTRAINT pairing_phone_key CHECK (length(phone_key) = 64),
          address        TEXT NOT NULL CONSTRAINT pairing_address CHECK (length(address) = 42),
          inbox          TEXT NOT NULL UNIQUE CONSTRAINT pairing_inbox CHECK (length(inbox) = 32),
          previous_inbox TEXT CONSTRAINT pairing_previous_inbox CHECK (length(previous_inbox) = 32)
        ) STRICT;
        CREATE TABLE relay_config (
          id   INTEGER PRIMARY KEY CHECK (id = 1),
          host TEXT NOT NULL CONSTRAINT relay_host CHECK (length(host) BETWEEN 1 AND 100),
          port INTEGER NOT NULL CONSTRAINT relay_port CHECK (port BETWEEN 0 AND 65535)
        ) STRICT;
      `);
    },
  },
  {
    version: 12,
    name: 'state sync',
    up(db) {
      // sync_fields is the merged last-writer-wins state of every synced field, the group's roster included;
      // sync_blobs keeps every sealed blob this desktop wrote or accepted, to hand on to devices that lack
      // it; sync_local is each record as this desktop last had it, so only what the user changed here since
      // becomes an op (a merged value this desktop refused is not echoed back). The keys are in the vault.
      db.exec(`
        CREATE TABLE sync_fields (
          collection TEXT NOT NULL CONSTRAINT sync_field_collection CHECK (length(collection) BETWEEN 1 AND 40),
          key        TEXT NOT NULL CONSTRAINT sync_field_key CHECK (length(key) BETWEEN 1 AND 200),
          field      TEXT NOT NULL CONSTRAINT sync_field_name CHECK (length(field) BETWEEN 1 AND 40),
          value      TEXT NOT NULL,
          hlc        TEXT NOT NULL CONSTRAINT sync_field_hlc CHECK (length(hlc) = 36),
          PRIMARY KEY (collection, key, field)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE sync_blobs (
          origin  TEXT NOT NULL CONSTRAINT sync_blob_origin CHECK (length(origin) = 16),
          counter INTEGER NOT NULL CONSTRAINT sync_blob_counter CHECK (counter >= 1),
          epoch   INTEGER NOT NULL CONSTRAINT sync_blob_epoch CHECK (epoch >= 1),
          bytes   BLOB NOT NULL,
          PRIMARY KEY (origin, counter)
        ) STRICT;
        CREATE TABLE sync_local (
          collection TEXT NOT NULL,
          key        TEXT NOT NULL,
          record     TEXT NOT NULL,
          PRIMARY KEY (collection, key)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE sync_state (
          name  TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 13,
    name: 'transaction notes',
    up(db) {
      // The user's own words on a transaction, keyed like the chain names it. Not a reference to the history
      // tables: those are derived, re-indexed and rolled back by reorgs, and a note must outlive all of that.
      db.exec(`
        CREATE TABLE tx_notes (
          chain_id   INTEGER NOT NULL CONSTRAINT tx_note_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          hash       TEXT NOT NULL CONSTRAINT tx_note_hash CHECK (
                       length(hash) = 66 AND substr(hash, 1, 2) = '0x'
                       AND NOT substr(hash, 3) GLOB '*[^0-9a-f]*'),
          note       TEXT NOT NULL CONSTRAINT tx_note_text CHECK (length(note) BETWEEN 1 AND 1000),
          updated_at INTEGER NOT NULL CONSTRAINT tx_note_time CHECK (updated_at >= 0),
          PRIMARY KEY (chain_id, hash)
        ) STRICT;
      `);
    },
  },
  {
    version: 14,
    name: 'vault versions',
    up(db) {
      // Each secret carries the version it was written at, bound into its seal. The head is the vault's own
      // sealed list of the version each secret must have, with a counter the OS keychain keeps a copy of,
      // so a row or a whole head put back from an older copy of the file is refused (src/main/vault/vault.ts).
      // Rows written before this migration are version 0 until the vault re-seals them.
      db.exec(`
        ALTER TABLE vault_secrets ADD COLUMN version INTEGER NOT NULL DEFAULT 0
          CONSTRAINT vault_secret_version CHECK (version BETWEEN 0 AND 9007199254740991);
        CREATE TABLE vault_head (
          id         INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
          counter    INTEGER NOT NULL CONSTRAINT vault_head_counter CHECK (counter BETWEEN 1 AND 9007199254740991),
          key_id     TEXT NOT NULL REFERENCES vault_keys (id),
          nonce      BLOB NOT NULL CHECK (length(nonce) = 24),
          ciphertext BLOB NOT NULL CHECK (length(ciphertext) >= 16)
        ) STRICT;
      `);
    },
  },
  {
    version: 15,
    name: 'chain explorers',
    up(db) {
      // The explorer the user chose for a chain they reach through their own endpoint: a local or private
      // chain has none by default, since the registry's public explorer knows nothing of its transactions.
      db.exec(`
        CREATE TABLE chain_explorers (
          chain_id INTEGER PRIMARY KEY CONSTRAINT chain_explorer_chain CHECK (chain_id BETWEEN 1 AND 9007199254740991),
          url      TEXT NOT NULL CONSTRAINT chain_explorer_url CHECK (url LIKE 'https://%' AND length(url) <= 2048)
        ) STRICT;
      `);
    },
  },
  { version: 16, ...pricesMigration },
  { version: 17, ...valueSnapshotsMigration },
  { version: 18, ...dappsMigration },
  { version: 19, ...walletConnectMigration },
  { version: 20, ...safesMigration },
  { version: 21, ...historyTimelineMigration },
];
