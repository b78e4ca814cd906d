import { describe, expect, it } from 'vitest';
import { openWalletDatabase } from '../../../test/anvil/portfolioFixture';
import { balancesMigration } from './balancesMigration';
import { MIGRATIONS } from './migrations';

describe('balancesMigration', () => {
  it('is one of the store migrations and creates STRICT tables', () => {
    const wallet = openWalletDatabase();
    try {
      expect(wallet.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(MIGRATIONS.map((migration) => migration.name)).toContain(balancesMigration.name);
      const tables = wallet.db
        .prepare<[], { name: string; sql: string }>(
          "SELECT name, sql FROM sqlite_schema WHERE name IN ('balances', 'chain_reads', 'tokens') ORDER BY name",
        )
        .all();
      expect(tables.map((t) => t.name)).toEqual(['balances', 'chain_reads', 'tokens']);
      expect(tables.every((t) => /\)\s*STRICT/.test(t.sql))).toBe(true);
    } finally {
      wallet.close();
    }
  });

  it('carries no version of its own', () => {
    expect(Object.keys(balancesMigration).toSorted()).toEqual(['name', 'up']);
  });
});
