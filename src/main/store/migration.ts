import type { Database } from 'better-sqlite3';

/** One forward step of the schema. The list of them is MIGRATIONS (migrations.ts). */
export interface Migration {
  /** 1-based and contiguous: migration N moves `user_version` from N-1 to N. */
  version: number;
  name: string;
  up(db: Database): void;
}
