import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/database';
import { batchSize } from './crashBatches';

const KILLS = 60;
/** A fresh file every few kills keeps each check fast; the kills in between hit a file that already crashed. */
const KILLS_PER_FILE = 10;
const MAX_DELAY_MS = 40;

/** mulberry32: a seeded generator, so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('crash safety of bulk writes', () => {
  let dir: string;
  let writer: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crash-'));
    writer = join(dir, 'crashWriter.cjs');
    // One bundle of the real store code, so each child starts in milliseconds on plain Node.
    await build({
      entryPoints: [resolve(__dirname, 'crashWriter.ts')],
      outfile: writer,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      logLevel: 'warning',
    });
  });
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a writer, SIGKILLs it a random moment after it starts writing, and returns the batches it reported. */
  async function killWriterMidway(file: string, firstBatch: number, delayMs: number): Promise<number[]> {
    const child = spawn(process.execPath, [writer, file, String(firstBatch)], {
      // better-sqlite3 stays outside the bundle; let the child find it in this project.
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const committed: number[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.once('exit', (_code, signal) => done(signal)),
    );
    await new Promise<void>((ready, fail) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs).unref();
        if (line === 'ready') ready();
        else committed.push(Number(line.replace('committed ', '')));
      });
      child.once('exit', () => fail(new Error(`writer exited before writing: ${stderr}`)));
    });
    const signal = await exited;
    children.delete(child);
    expect(signal, `writer died on its own: ${stderr}`).toBe('SIGKILL');
    return committed;
  }

  it(`keeps every committed batch whole and no partial batch across ${KILLS} SIGKILLs`, async () => {
    const seed = Date.now();
    const next = random(seed);
    const context = `seed ${seed}`;
    let file = '';
    let nextBatch = 1;
    let committedTotal = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      if (kill % KILLS_PER_FILE === 0) file = join(dir, `wallet-${kill}.sqlite`);
      const reported = await killWriterMidway(file, nextBatch, Math.floor(next() * MAX_DELAY_MS));
      committedTotal += reported.length;

      const db = openDatabase(file);
      try {
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        const stored = db
          .prepare<[], { note: string; rows: number }>(
            'SELECT note, count(*) AS rows FROM labels GROUP BY note',
          )
          .all()
          .map(({ note, rows }) => ({ batch: Number(note.replace('batch:', '')), rows }));
        for (const { batch, rows } of stored)
          expect(rows, `${context}, batch ${batch}`).toBe(batchSize(batch));
        const batches = new Set(stored.map(({ batch }) => batch));
        for (const batch of reported)
          expect(batches.has(batch), `${context}, lost batch ${batch}`).toBe(true);
        nextBatch = Math.max(nextBatch, ...batches) + 1;
      } finally {
        db.close();
      }
    }
    // Guards the test itself: the writers must commit batches, so kills land among them, not only before.
    expect(committedTotal, context).toBeGreaterThan(0);
  }, 90_000);
});
