// Bulk write through the store vs. the same insert on a bare better-sqlite3 statement, in one run.
// Prints one JSON object: {rows, rowsPerSec, ceilingRowsPerSec, ratio}. Run with `npm run bench:store`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { type ChecksumAddress, toChecksumAddress } from '../src/main/store/address';
import { openDatabase } from '../src/main/store/database';
import { type LabelInput, LabelsRepository } from '../src/main/store/labelsRepository';

const ROWS = 200_000;
const ROUNDS = 5;

// A bulk label import: distinct addresses, a third of them contracts on one chain. Checksumming happens at
// the boundary (as when parsing an imported file), before either timed write.
const labels: LabelInput[] = Array.from({ length: ROWS }, (_, i) => {
  const contract = i % 3 === 0;
  return {
    address: toChecksumAddress(
      `0x${(i * 2654435761).toString(16).padStart(40, '0').slice(-40)}`,
    ) as ChecksumAddress,
    chainId: contract ? 1 : null,
    kind: contract ? 'contract' : 'eoa',
    name: `Label ${i}`,
    note: i % 10 === 0 ? 'imported from a public list' : '',
  };
});

function timed(write: (db: Database) => void): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const db = openDatabase(join(dir, 'wallet.sqlite'));
  try {
    const started = process.hrtime.bigint();
    write(db);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (db.prepare('SELECT count(*) FROM labels').pluck().get() !== ROWS) throw new Error('rows missing');
    return ROWS / seconds;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function throughStore(db: Database): void {
  new LabelsRepository(db).setMany(labels, Date.now());
}

/** The ceiling: the same statement and rows, one transaction, nothing else. */
function bare(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO labels (address, chain_id, kind, name, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (address, ifnull(chain_id, 0)) DO UPDATE SET
     kind = excluded.kind, name = excluded.name, note = excluded.note, updated_at = excluded.updated_at`,
  );
  const now = Date.now();
  db.transaction(() => {
    for (const l of labels) insert.run(l.address, l.chainId, l.kind, l.name, l.note, now, now);
  })();
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const store: number[] = [];
const ceiling: number[] = [];
// Alternate, so drift in the machine's load affects both sides alike.
for (let round = 0; round < ROUNDS; round++) {
  ceiling.push(timed(bare));
  store.push(timed(throughStore));
}
const rowsPerSec = Math.round(median(store));
const ceilingRowsPerSec = Math.round(median(ceiling));
console.log(
  JSON.stringify({
    rows: ROWS,
    rowsPerSec,
    ceilingRowsPerSec,
    ratio: Number((rowsPerSec / ceilingRowsPerSec).toFixed(3)),
  }),
);
