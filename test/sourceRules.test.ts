import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Production sources: what ships, not the tests beside it. */
const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .map((file) => join('src', file))
  .filter((file) => /\.(ts|tsx|mts|cts|js|mjs)$/.test(file) && !/\.test\.(ts|tsx)$/.test(file));

const MAX_LINES = 400;

/** A statement of SQL, as a repository would write it: keywords in capitals, as this project writes them. */
const SQL =
  /\b(SELECT\s[\s\S]*?\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX)|ALTER\s+TABLE|DROP\s+TABLE)\b/;

/**
 * Repositories own their tables' SQL. The store is the repository layer as a whole: it also opens the file,
 * migrates the schema and empties it on "Reset local data".
 */
function mayHoldSql(file: string): boolean {
  return /Repository\.ts$/.test(file) || file.startsWith('src/main/store/');
}

describe('source rules (issue #13)', () => {
  it(`keeps every production file under ${MAX_LINES} lines, so one person can hold it in their head`, () => {
    const long = sources
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('keeps SQL in repositories and the store', () => {
    const misplaced = sources.filter((file) => !mayHoldSql(file) && SQL.test(readFileSync(file, 'utf8')));
    expect(misplaced).toEqual([]);
  });

  it('recognises SQL when it sees it, and prose when it does not', () => {
    expect(SQL.test("db.prepare('SELECT id FROM accounts WHERE address = ?')")).toBe(true);
    expect(SQL.test('`INSERT OR IGNORE INTO labels (address) VALUES (?)`')).toBe(true);
    expect(SQL.test("'DELETE FROM sync_fields'")).toBe(true);
    expect(SQL.test('// Select an account from the list, then update its label.')).toBe(false);
  });
});
