import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1-based and contiguous: migration N moves `user_version` from N-1 to N. */
  version: number;
  name: string;
  up(db: Database): void;
}

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
];
