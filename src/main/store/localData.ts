import type { Database } from 'better-sqlite3';

/**
 * "Reset local data": empties every table but the vault's, in one transaction, and keeps the schema, so the
 * services holding this connection go on working. The vault's rows are left to Vault.destroy(), which must
 * also remove their keys from the OS keychain.
 */
export function clearLocalData(db: Database): void {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'vault\\_%' ESCAPE '\\'`,
    )
    .all()
    .map((row) => row.name);
  db.transaction(() => {
    // Checked at commit, when every table is empty, so the order of the deletes does not matter.
    db.pragma('defer_foreign_keys = ON');
    for (const table of tables) db.prepare(`DELETE FROM "${table}"`).run();
  })();
  // Deleted rows stay readable in free pages and in the WAL until they are rewritten; rewrite them now.
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
