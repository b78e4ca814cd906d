import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { openDatabase } from './database';
import { historyTimelineMigration } from './historyTimelineMigration';
import { MIGRATIONS } from './migrations';

const indexes = (sql: string[]) => sql.map((s) => s.replace(/\s+/g, ' '));

describe('historyTimelineMigration', () => {
  const temp = useTempDatabase('history-timeline-');

  it('rebuilds the three timeline indexes ascending, partial as before, over the entries already stored', () => {
    const version = MIGRATIONS.findIndex((m) => m.name === historyTimelineMigration.name) + 1;
    expect(version).toBeGreaterThan(1);
    temp.db.close();
    const file = `${temp.dir}/old.sqlite`;
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, version - 1) });
    old.exec(`INSERT INTO history_transactions (id, chain_id, hash, block_number, block_hash, tx_index, timestamp,
        from_address, status, fee) VALUES (7, 1, '0x${'a'.repeat(64)}', 1, '0x${'b'.repeat(64)}', 0, 5, 'me', 'success', '0')`);
    old.exec(`INSERT INTO history_entries (transaction_id, chain_id, account, timestamp, kind, tokens, details)
        VALUES (7, 1, 'me', 5, 'send', '|native|', '{}')`);
    old.close();
    temp.db = openDatabase(file);

    const sql = temp.db
      .prepare<[], { sql: string }>(
        "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'history_entries' AND name LIKE 'history_%' ORDER BY name",
      )
      .all()
      .map((row) => row.sql);
    expect(indexes(sql)).toEqual([
      'CREATE INDEX history_by_account ON history_entries (account, timestamp, id) WHERE hidden = 0',
      'CREATE INDEX history_by_chain ON history_entries (chain_id, timestamp, id) WHERE hidden = 0',
      'CREATE INDEX history_timeline ON history_entries (timestamp, id) WHERE hidden = 0',
    ]);
    const walked = temp.db
      .prepare(
        'SELECT account FROM history_entries INDEXED BY history_by_account WHERE hidden = 0 AND account = ?',
      )
      .all('me');
    expect(walked).toEqual([{ account: 'me' }]);
    expect(temp.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('carries no version of its own', () => {
    expect(Object.keys(historyTimelineMigration).toSorted()).toEqual(['name', 'up']);
  });
});
