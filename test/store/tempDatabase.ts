import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase } from '../../src/main/store/database';

export interface TempDatabase {
  dir: string;
  file: string;
  db: Database;
  /** Closes and opens the same file again, as an app restart would. */
  reopen(): Database;
}

/**
 * A real database file in a fresh temporary directory for each test, so WAL and file behaviour are the ones
 * the app gets; removed after the test.
 */
export function useTempDatabase(prefix = 'store-'): TempDatabase {
  const state = {} as TempDatabase;
  beforeEach(() => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    state.file = join(state.dir, 'wallet.sqlite');
    state.db = openDatabase(state.file);
    state.reopen = () => {
      state.db.close();
      state.db = openDatabase(state.file);
      return state.db;
    };
  });
  afterEach(() => {
    state.db.close();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
