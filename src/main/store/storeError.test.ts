import { describe, expect, it } from 'vitest';
import { CONSTRAINT_MESSAGES, StoreError, storeWrite } from './storeError';
import { useTempDatabase } from '../../../test/store/tempDatabase';

describe('storeWrite', () => {
  const temp = useTempDatabase();

  function failure(write: () => unknown, foreignKey?: string): unknown {
    try {
      storeWrite(write, foreignKey);
    } catch (error) {
      return error;
    }
    throw new Error('expected the write to fail');
  }

  it('names a broken CHECK constraint in words', () => {
    const error = failure(() =>
      temp.db
        .prepare(
          `INSERT INTO labels (address, chain_id, kind, name, note, created_at, updated_at)
           VALUES ('0x0000000000000000000000000000000000000001', NULL, 'contract', 'x', '', 0, 0)`,
        )
        .run(),
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/contract label needs its chain/),
    });
  });

  it('reports a duplicate as a conflict, and a missing reference with the caller’s words', () => {
    const insertWatch = temp.db.prepare(
      `INSERT INTO accounts (signer, address, label, created_at, updated_at)
       VALUES ('watch', '0x0000000000000000000000000000000000000001', '', 0, 0)`,
    );
    insertWatch.run();
    expect(failure(() => insertWatch.run())).toMatchObject({
      code: 'conflict',
      message: 'That address is already a watch-only account.',
    });
    const orphan = () =>
      temp.db
        .prepare(
          `INSERT INTO chain_cursors (account_id, chain_id, kind, provider, block_number, block_hash, updated_at)
           VALUES (99, 1, 'history', 'rpc', 0, '0x${'0'.repeat(64)}', 0)`,
        )
        .run();
    expect(failure(orphan, 'No such account.')).toMatchObject({
      code: 'conflict',
      message: 'No such account.',
    });
  });

  it('has words for every named constraint of the schema', () => {
    const schema = temp.db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
      .all()
      .map((row) => row.sql)
      .join('\n');
    const named = [...schema.matchAll(/CONSTRAINT (\w+) CHECK/g)].map((match) => match[1] as string);
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((name) => !(name in CONSTRAINT_MESSAGES))).toEqual([]);
  });

  it('names the column of a constraint it has no words for, never the value', () => {
    const error = failure(() =>
      temp.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'secret-ish', 0)").run(),
    );
    expect(error).toMatchObject({ code: 'invalid_request' });
    expect((error as Error).message).not.toMatch(/secret-ish/);
  });

  it('passes through errors that are not constraint failures', () => {
    const error = failure(() => temp.db.prepare('SELECT * FROM nowhere').get());
    expect(error).not.toBeInstanceOf(StoreError);
  });
});
