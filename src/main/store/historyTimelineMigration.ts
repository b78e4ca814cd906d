import type { Migration } from './migration';

/**
 * The timeline indexes, rebuilt ascending. Sync stores each account's history oldest first, so a descending
 * index took every new entry at the far left of its range, where SQLite splits pages in half; ascending, it
 * appends, fills its pages and dirties fewer of them per batch. Pages still walk newest first: SQLite reads
 * an index backwards as cheaply as forwards, with the same plans (historyPagesRepository.test.ts).
 */
export const historyTimelineMigration: Omit<Migration, 'version'> = {
  name: 'history timeline ascending',
  up(db) {
    db.exec(`
      DROP INDEX history_timeline;
      DROP INDEX history_by_account;
      DROP INDEX history_by_chain;
      CREATE INDEX history_timeline ON history_entries (timestamp, id) WHERE hidden = 0;
      CREATE INDEX history_by_account ON history_entries (account, timestamp, id) WHERE hidden = 0;
      CREATE INDEX history_by_chain ON history_entries (chain_id, timestamp, id) WHERE hidden = 0;
    `);
  },
};
