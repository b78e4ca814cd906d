// State sync through a sync folder, with the real SyncService on real SQLite files:
// - bytesPerChange, blobsPerChange: what one label change adds to the folder when the wallet holds 10,000
//   labels (bytes and files new or rewritten: one padded ops blob, no head);
// - convergeMs: three desktops of one group make 1,000 label edits between them while apart, then sync in turns
//   until all three hold the same labels (the time of those rounds: capture, seal, write, read, merge).
// Prints one JSON object. Run with `npm run bench:sync`.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toChecksumAddress } from '../src/main/store/address';
import { joinThroughFolder, syncedDesktop, type SyncedDesktop } from '../test/sync/syncHarness';

const RECORDS = 10_000;
const EDITS = 1_000;

function address(index: number): string {
  return toChecksumAddress(`0x${index.toString(16).padStart(40, '0')}`);
}

function label(index: number, name: string) {
  return { address: toChecksumAddress(address(index)), chainId: null, kind: 'eoa' as const, name, note: '' };
}

/** Files in the folder that are new or changed since `before`, and their bytes. */
function folderDelta(folder: string, before: Map<string, number>): { bytes: number; blobs: number } {
  const delta = { bytes: 0, blobs: 0 };
  for (const file of readdirSync(folder)) {
    const stats = statSync(join(folder, file));
    if (before.get(file) === stats.mtimeMs) continue;
    delta.bytes += stats.size;
    delta.blobs += 1;
  }
  return delta;
}

function folderState(folder: string): Map<string, number> {
  return new Map(readdirSync(folder).map((file) => [file, statSync(join(folder, file)).mtimeMs]));
}

const signature = (member: SyncedDesktop) =>
  JSON.stringify(member.repositories.labels.list().map(({ address, name }) => [address, name]));

async function perChange(dir: string): Promise<{ bytes: number; blobs: number }> {
  const folder = join(dir, 'one');
  mkdirSync(folder);
  const studio = syncedDesktop(dir, 'studio');
  const laptop = syncedDesktop(dir, 'laptop');
  studio.repositories.labels.setMany(
    Array.from({ length: RECORDS }, (_, index) => label(index, `Label ${index}`)),
  );
  await joinThroughFolder(folder, [studio, laptop]);
  if (laptop.repositories.labels.list().length !== RECORDS)
    throw new Error('the laptop did not get every label');
  const before = folderState(folder);
  // mtime resolution: make sure a rewritten file would be seen as changed.
  await new Promise((resolve) => setTimeout(resolve, 20));
  studio.repositories.labels.set(label(4242, 'Renamed'));
  await studio.sync.syncNow();
  const delta = folderDelta(folder, before);
  await laptop.sync.syncNow();
  if (!laptop.repositories.labels.list().some((entry) => entry.name === 'Renamed'))
    throw new Error('the change did not arrive');
  return delta;
}

async function convergeMs(dir: string): Promise<{ convergeMs: number; rounds: number }> {
  const folder = join(dir, 'three');
  mkdirSync(folder);
  const members = ['a', 'b', 'c'].map((name) => syncedDesktop(dir, name));
  await joinThroughFolder(folder, members);
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let edit = 0; edit < EDITS; edit += 1) {
    const member = members[Math.floor(random() * members.length)] as SyncedDesktop;
    // 300 addresses for 1,000 edits: the three desktops overwrite each other's labels concurrently.
    member.repositories.labels.set(label(Math.floor(random() * 300), `Edit ${edit}`));
  }
  const started = performance.now();
  let rounds = 0;
  while (new Set(members.map(signature)).size > 1 || rounds < 2) {
    for (const member of members) await member.sync.syncNow();
    rounds += 1;
    if (rounds > 10) throw new Error('the three desktops did not converge');
  }
  return { convergeMs: Math.round(performance.now() - started), rounds };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
try {
  const change = await perChange(dir);
  const converge = await convergeMs(dir);
  console.log(
    JSON.stringify({
      records: RECORDS,
      bytesPerChange: change.bytes,
      blobsPerChange: change.blobs,
      edits: EDITS,
      convergeMs: converge.convergeMs,
      rounds: converge.rounds,
      meetsGoals: { bytesPerChange: change.bytes <= 512, blobsPerChange: change.blobs === 1 },
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
