// History store: ingest of 200,000 decoded transactions over five chains, then filtered 50-row pages at
// 1,000,000 entries, by keyset (what the app does) and by OFFSET at the same depth (what it avoids), in the
// same run. Then the same number of transactions into a fresh store the way the indexer writes them: each batch
// one account on one chain, each account's history oldest first. Both ingest figures time the store alone (each
// batch is built off the clock) and include the checkpoint that copies the WAL's rest back after the last batch.
// Prints one JSON object: `ingestTxPerSec` (the goal is judged on it), `ingestAsIndexedTxPerSec`, the WAL's
// largest size during the ingest and that final checkpoint's time, `pageP50Ms`, `pageP95Ms`,
// `offsetPageP95Ms`, their ratio, the sizes and `meetsGoals` (ingest at least 100,000 tx/s, keyset p95 at most
// 5 ms). Run with `npm run bench:history`.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ActivityKind } from '../src/shared/history';
import type { DecodedActivity } from '../src/main/history/activity';
import { HistoryRepository, type IndexedTransaction } from '../src/main/history/historyRepository';
import { toChecksumAddress } from '../src/main/store/address';
import { openDatabase } from '../src/main/store/database';

const CHAINS = [1, 10, 8453, 42161, 137];
const ACCOUNTS = Array.from({ length: 50 }, (_, i) =>
  toChecksumAddress(`0x${(i + 1).toString(16).padStart(40, 'a')}`),
);
const INGEST = 200_000;
const TOTAL = 1_000_000;
const BATCH = 1_000;
const PAGES = 200;
const GOALS = { ingestTxPerSec: 100_000, pageP95Ms: 5 };
const KINDS: ActivityKind[] = ['send', 'receive', 'swap', 'approval', 'contract-call'];
const TOKEN = toChecksumAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');

function transaction(
  n: number,
  account = ACCOUNTS[n % ACCOUNTS.length] as string,
  chainId = CHAINS[n % CHAINS.length] as number,
  timestamp = 1_600_000_000 + n * 12,
): IndexedTransaction {
  const kind = KINDS[n % KINDS.length] as ActivityKind;
  const counterparty = ACCOUNTS[(n * 7 + 3) % ACCOUNTS.length] as string;
  const activity: DecodedActivity = {
    kind,
    method: kind === 'contract-call' ? 'multicall' : null,
    assets: [
      {
        standard: n % 2 ? 'erc20' : 'native',
        token: n % 2 ? TOKEN : null,
        symbol: n % 2 ? 'USDC' : 'ETH',
        decimals: n % 2 ? 6 : 18,
        amount: String(1_000_000 + n),
        tokenId: null,
        direction: kind === 'receive' ? 'in' : 'out',
        counterparty,
      },
    ],
    approval: null,
    bridgeLegs: [],
  };
  return {
    raw: {
      chainId,
      hash: `0x${n.toString(16).padStart(64, '0')}`,
      blockNumber: 1_000_000 + Math.floor(n / 5),
      blockHash: `0x${(n + 7).toString(16).padStart(64, 'b')}`,
      timestamp,
      transactionIndex: n % 100,
      from: account as never,
      to: counterparty as never,
      contractAddress: null,
      value: 10n ** 15n,
      input: '0x',
      nonce: n,
      status: 'success',
      gasUsed: 21_000n,
      effectiveGasPrice: 10n ** 9n,
      logs: [],
    },
    provisional: false,
    entries: [{ account, activity }],
  };
}

/** Batch `b` as the indexer would store it: one account's next 1,000 transactions on one chain. */
function indexedBatch(b: number): IndexedTransaction[] {
  const slot = b % ACCOUNTS.length;
  const round = Math.floor(b / ACCOUNTS.length);
  const account = ACCOUNTS[slot] as string;
  const chainId = CHAINS[round % CHAINS.length] as number;
  return Array.from({ length: BATCH }, (_, i) =>
    transaction(b * BATCH + i, account, chainId, 1_600_000_000 + (round * BATCH + i) * 600 + slot * 12),
  );
}

interface Ingest {
  txPerSec: number;
  walMaxBytes: number;
  finalCheckpointMs: number;
}

/**
 * Writes `INGEST` transactions, batch by batch, and times the store alone: each batch is built off the clock,
 * so the figure is what the store costs, not this file's fixtures. The checkpoint that copies the WAL's rest
 * back after the last batch is on the clock, so no store work is left to an unmeasured phase.
 */
function ingest(db: Database, file: string, batch: (b: number) => IndexedTransaction[]): Ingest {
  const repository = new HistoryRepository(db);
  let storeMs = 0;
  let walMaxBytes = 0;
  for (let b = 0; b < INGEST / BATCH; b++) {
    const transactions = batch(b);
    const started = performance.now();
    repository.save(transactions, []);
    storeMs += performance.now() - started;
    walMaxBytes = Math.max(walMaxBytes, walBytes(file));
  }
  const started = performance.now();
  db.pragma('wal_checkpoint(PASSIVE)');
  const finalCheckpointMs = performance.now() - started;
  storeMs += finalCheckpointMs;
  return { txPerSec: Math.round(INGEST / (storeMs / 1000)), walMaxBytes, finalCheckpointMs };
}

function ingestAsIndexed(file: string): Ingest {
  const db = openDatabase(file);
  try {
    return ingest(db, file, indexedBatch);
  } finally {
    db.close();
  }
}

const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

function percentile(samples: number[], p: number): number {
  const sorted = samples.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const dir = mkdtempSync(join(tmpdir(), 'history-bench-'));
try {
  const file = join(dir, 'wallet.sqlite');
  const db = openDatabase(file);
  const spread = ingest(db, file, (b) => Array.from({ length: BATCH }, (_, i) => transaction(b * BATCH + i)));
  const repository = new HistoryRepository(db);
  for (let n = INGEST; n < TOTAL; n += BATCH) {
    repository.save(
      Array.from({ length: BATCH }, (_, i) => transaction(n + i)),
      [],
    );
  }

  // A filtered view deep in the timeline: ten accounts, two chains, two kinds.
  const filters = {
    accounts: ACCOUNTS.slice(0, 10),
    chainIds: [1, 8453],
    kinds: ['send', 'receive'] as ActivityKind[],
    limit: 50,
  };
  const names = { label: () => null, signedBy: () => null, safeExecution: () => null };
  let after: string | undefined;
  let depth = 0;
  for (let i = 0; i < 40; i++) {
    const page = repository.page({ ...filters, after }, ACCOUNTS, names, []);
    depth += page.entries.length;
    after = page.next ?? undefined;
  }
  const keysetMs: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const start = performance.now();
    const page = repository.page({ ...filters, after }, ACCOUNTS, names, []);
    keysetMs.push(performance.now() - start);
    if (page.entries.length !== 50) throw new Error('the keyset page came back short');
  }
  // The same query and plan as the repository's, with OFFSET where it puts its keyset condition.
  const offsetSql = `SELECT e.id FROM history_entries e JOIN history_transactions t ON t.id = e.transaction_id
    WHERE e.hidden = 0 AND +e.account IN (${filters.accounts.map(() => '?').join(', ')})
      AND +e.chain_id IN (?, ?) AND +e.kind IN (?, ?)
    ORDER BY e.timestamp DESC, e.id DESC LIMIT 50 OFFSET ?`;
  const offsetPage = db.prepare(offsetSql);
  const offsetMs: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const start = performance.now();
    const rows = offsetPage.all(...filters.accounts, ...filters.chainIds, ...filters.kinds, depth);
    offsetMs.push(performance.now() - start);
    if (rows.length !== 50) throw new Error('the offset page came back short');
  }
  db.close();
  const pageP95Ms = percentile(keysetMs, 95);
  const offsetPageP95Ms = percentile(offsetMs, 95);
  const ingestTxPerSec = spread.txPerSec;
  const asIndexed = ingestAsIndexed(join(dir, 'indexed.sqlite'));
  console.log(
    JSON.stringify({
      ingested: INGEST,
      chains: CHAINS.length,
      ingestTxPerSec,
      ingestAsIndexedTxPerSec: asIndexed.txPerSec,
      walMaxMB: Number((Math.max(spread.walMaxBytes, asIndexed.walMaxBytes) / 2 ** 20).toFixed(1)),
      finalCheckpointMs: Math.round(Math.max(spread.finalCheckpointMs, asIndexed.finalCheckpointMs)),
      rows: TOTAL,
      depth,
      pageP50Ms: Number(percentile(keysetMs, 50).toFixed(3)),
      pageP95Ms: Number(pageP95Ms.toFixed(3)),
      offsetPageP95Ms: Number(offsetPageP95Ms.toFixed(3)),
      offsetToKeysetRatio: Number((offsetPageP95Ms / pageP95Ms).toFixed(1)),
      meetsGoals: {
        ingestTxPerSec: ingestTxPerSec >= GOALS.ingestTxPerSec,
        pageP95Ms: pageP95Ms <= GOALS.pageP95Ms,
      },
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
