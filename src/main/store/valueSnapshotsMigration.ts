import type { Migration } from './migration';

/**
 * `value_snapshots`: what each account held on each network, in one currency, at the end of a refresh; the
 * source of the "Value over time" chart. `value` is the exact decimal sum of the priced holdings (text, so it
 * never passes through a float); `unpriced` counts the holdings left out of it.
 *
 * The constraints are unnamed: only the wallet writes these rows, from values it computed, so no person ever
 * needs words for a broken one.
 */
export const valueSnapshotsMigration: Omit<Migration, 'version'> = {
  name: 'value snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE value_snapshots (
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND NOT currency GLOB '*[^A-Z]*'),
        chain_id INTEGER NOT NULL CHECK (chain_id BETWEEN 1 AND 9007199254740991),
        account  TEXT NOT NULL CHECK (
                   length(account) = 42 AND substr(account, 1, 2) = '0x'
                   AND NOT substr(account, 3) GLOB '*[^0-9A-Fa-f]*'),
        at       INTEGER NOT NULL CHECK (at >= 0),
        value    TEXT NOT NULL CHECK (
                   length(value) BETWEEN 1 AND 100 AND value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9.]*'
                   AND NOT value GLOB '*.*.*' AND NOT value GLOB '*.'),
        unpriced INTEGER NOT NULL CHECK (unpriced >= 0),
        PRIMARY KEY (currency, chain_id, account, at)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
