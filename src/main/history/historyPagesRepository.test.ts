import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../store/address';
import { openDatabase } from '../store/database';
import { MIGRATIONS } from '../store/migrations';
import type { ActivityKind } from '../../shared/history';
import { HistoryRepository, type IndexedTransaction } from './historyRepository';
import { type PageQuery, pageSelect } from './historyPagesRepository';

const ACCOUNTS = [1, 2, 3].map((n) => toChecksumAddress(`0x${n.toString(16).padStart(40, 'c')}`));
const BEFORE_ASCENDING = MIGRATIONS.findIndex((m) => m.name === 'history timeline ascending');
const names = { label: () => null, signedBy: () => null, safeExecution: () => null };

function indexed(n: number): IndexedTransaction {
  const account = ACCOUNTS[n % ACCOUNTS.length] as string;
  const kind: ActivityKind = n % 3 === 0 ? 'receive' : 'send';
  return {
    raw: {
      chainId: n % 2 ? 1 : 10,
      hash: `0x${n.toString(16).padStart(64, '0')}`,
      blockNumber: 100 + Math.floor(n / 4),
      blockHash: `0x${n.toString(16).padStart(64, 'b')}`,
      // Four to a block, with one timestamp: ties are ordered by id.
      timestamp: 1_700_000_000 + Math.floor(n / 4) * 12,
      transactionIndex: n % 4,
      from: account as never,
      to: ACCOUNTS[(n + 1) % ACCOUNTS.length] as never,
      contractAddress: null,
      value: 1n,
      input: '0x',
      nonce: n,
      status: 'success',
      gasUsed: 21_000n,
      effectiveGasPrice: 3n,
      logs: [],
    },
    provisional: false,
    entries: [
      {
        account,
        activity: { kind, method: null, assets: [], approval: null, bridgeLegs: [] },
      },
    ],
  };
}

const SHAPES: Record<string, { query: PageQuery; index: string }> = {
  'several accounts, chains and kinds': {
    query: {
      accounts: ACCOUNTS.slice(0, 2),
      chainIds: [1, 10],
      kinds: ['send', 'receive'],
      limit: 5,
      after: '1700000100.9',
    },
    index: 'history_timeline',
  },
  'every account': { query: { limit: 5 }, index: 'history_timeline' },
  'one account': {
    query: { accounts: [ACCOUNTS[0] as string], limit: 5, after: '1700000100.9' },
    index: 'history_by_account',
  },
  'one chain': { query: { chainIds: [10], limit: 5, after: '1700000100.9' }, index: 'history_by_chain' },
};

describe('history pages', () => {
  const dirs: string[] = [];
  const open = (count = MIGRATIONS.length, dir = mkdtempSync(join(tmpdir(), 'history-pages-'))): Database => {
    if (!dirs.includes(dir)) dirs.push(dir);
    return openDatabase(join(dir, 'wallet.sqlite'), { migrations: MIGRATIONS.slice(0, count) });
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('walk one index in timeline order for every filter shape, as before the indexes turned ascending', () => {
    expect(BEFORE_ASCENDING).toBeGreaterThan(0);
    const plans = (db: Database) =>
      Object.values(SHAPES).map(({ query }) => {
        const select = pageSelect(query, ACCOUNTS, []);
        if (!select) throw new Error('no page');
        return db
          .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${select.sql}`)
          .all(...select.params)
          .map((row) => row.detail);
      });
    const before = open(BEFORE_ASCENDING);
    const after = open();
    try {
      const now = plans(after);
      expect(now).toEqual(plans(before));
      Object.values(SHAPES).forEach(({ index }, i) => {
        const [entries, ...rest] = now[i] ?? [];
        expect(entries).toMatch(new RegExp(`^(SCAN|SEARCH) e USING INDEX ${index}\\b`));
        expect(rest.join('\n')).not.toMatch(/TEMP B-TREE|SCAN t\b/);
      });
    } finally {
      before.close();
      after.close();
    }
  });

  it('page an upgraded timeline exactly as they did before the upgrade', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-pages-'));
    const walk = (db: Database) =>
      Object.values(SHAPES).map(({ query }) => {
        const history = new HistoryRepository(db);
        const pages: string[][] = [];
        let after: string | undefined;
        do {
          const page = history.page({ ...query, after }, ACCOUNTS, names, []);
          pages.push(page.entries.map((entry) => `${entry.timestamp}.${entry.id}:${entry.hash}`));
          after = page.next ?? undefined;
        } while (after);
        return pages;
      });
    const old = open(BEFORE_ASCENDING, dir);
    new HistoryRepository(old).save(
      Array.from({ length: 60 }, (_, n) => indexed(n)),
      [],
    );
    const before = walk(old);
    old.close();
    const upgraded = open(MIGRATIONS.length, dir);
    try {
      expect(before.flat(2).length).toBeGreaterThan(60);
      expect(walk(upgraded)).toEqual(before);
    } finally {
      upgraded.close();
    }
  });
});
