import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This wallet database was written by a newer version of the app (schema ${found}; this version knows ` +
        `up to ${known}). Update the app to open it. Nothing was changed.`,
    );
    this.name = 'NewerSchemaError';
  }
}

export interface OpenOptions {
  /** Tests pass their own list to exercise failure paths; the app always uses MIGRATIONS. */
  migrations?: readonly Migration[];
}

/** Owner read and write only: the store holds the user's accounts, history and sealed secrets. */
export const FILE_MODE = 0o600;

export function openDatabase(file: string, { migrations = MIGRATIONS }: OpenOptions = {}): Database {
  restrictToOwner(file);
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * SQLite creates a database with 0644 less the umask, and gives its -wal and -shm files the database's own
 * mode. So the database is made (empty, which SQLite takes as new) with 0600 before SQLite opens it, and the
 * files of a wallet made before this are narrowed to 0600 too.
 */
function restrictToOwner(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, FILE_MODE);
  }
}

export function migrate(db: Database, migrations: readonly Migration[]): void {
  const known = migrations.length;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > known) throw new NewerSchemaError(current, known);
  for (const migration of migrations.slice(current)) {
    // Each step commits alone, so a failure leaves the database at the last good version.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
