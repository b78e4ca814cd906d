// State sync through a sync folder, with the real SyncService on real SQLite files:
// - bytesPerChange: what one label change adds to the folder when the wallet holds 10,000 labels (the sealed
//   ops blob and the rewritten head);
// - convergeMs: three desktops of one group make 1,000 label edits between them while apart, then sync in turns
//   until all three hold the same labels (the time of those rounds: capture, seal, write, read, merge).
// Prints one JSON object. Run with `npm run bench:sync`.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventHub } from '../src/main/api/events';
import { ChainDirectory } from '../src/main/chains/chainDirectory';
import { RpcEndpoints } from '../src/main/chains/rpcEndpoints';
import { TokensRepository } from '../src/main/chains/tokensRepository';
import { SettingsService } from '../src/main/settings/settingsService';
import { toChecksumAddress } from '../src/main/store/address';
import { openDatabase } from '../src/main/store/database';
import { createRepositories, type Repositories } from '../src/main/store/repositories';
import { syncedCollections } from '../src/main/sync/syncedCollections';
import { SyncService } from '../src/main/sync/syncService';

const RECORDS = 10_000;
const EDITS = 1_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Desktop {
  sync: SyncService;
  repositories: Repositories;
}

function desktop(dir: string, name: string): Desktop {
  const db = openDatabase(join(dir, `${name}.sqlite`));
  const repositories = createRepositories(db);
  const events = createEventHub();
  const secrets = new Map<string, Uint8Array>();
  const vault = {
    get: async (key: string) => secrets.get(key) ?? null,
    put: async (key: string, value: Uint8Array) => void secrets.set(key, value),
    delete: (key: string) => secrets.delete(key),
  };
  const directory = new ChainDirectory(db);
  const settings = new SettingsService(repositories.settings, events, quiet);
  const sync = new SyncService({
    db,
    vault,
    collections: syncedCollections({
      repositories,
      tokens: new TokensRepository(db),
      settings,
      directory,
      endpoints: new RpcEndpoints({ ...vault, names: () => [...secrets.keys()] }, () => directory.all()),
      onNamesChanged: () => undefined,
      onNetworksChanged: () => undefined,
      onNotesChanged: () => undefined,
    }),
    events,
    log: quiet,
    deviceName: name,
  });
  return { sync, repositories };
}

function address(index: number): string {
  return toChecksumAddress(`0x${index.toString(16).padStart(40, '0')}`);
}

function label(index: number, name: string) {
  return { address: toChecksumAddress(address(index)), chainId: null, kind: 'eoa' as const, name, note: '' };
}

/** Bytes of the files in the folder that are new or changed since `before`. */
function folderDelta(folder: string, before: Map<string, number>): number {
  let bytes = 0;
  for (const file of readdirSync(folder)) {
    const stats = statSync(join(folder, file));
    if (before.get(file) !== stats.mtimeMs) bytes += stats.size;
  }
  return bytes;
}

function folderState(folder: string): Map<string, number> {
  return new Map(readdirSync(folder).map((file) => [file, statSync(join(folder, file)).mtimeMs]));
}

async function group(folder: string, members: Desktop[]): Promise<void> {
  const [first, ...others] = members;
  if (!first) return;
  await first.sync.setFolder(folder);
  for (const other of others) {
    const { code } = await first.sync.invite();
    await other.sync.setFolder(folder);
    await other.sync.join(code);
    await first.sync.syncNow();
  }
  for (const other of others) await other.sync.syncNow();
}

const signature = (member: Desktop) =>
  JSON.stringify(member.repositories.labels.list().map(({ address, name }) => [address, name]));

async function bytesPerChange(dir: string): Promise<number> {
  const folder = join(dir, 'one');
  mkdirSync(folder);
  const studio = desktop(dir, 'studio');
  const laptop = desktop(dir, 'laptop');
  studio.repositories.labels.setMany(
    Array.from({ length: RECORDS }, (_, index) => label(index, `Label ${index}`)),
  );
  await group(folder, [studio, laptop]);
  if (laptop.repositories.labels.list().length !== RECORDS)
    throw new Error('the laptop did not get every label');
  const before = folderState(folder);
  // mtime resolution: make sure a rewritten head is seen as changed.
  await new Promise((resolve) => setTimeout(resolve, 20));
  studio.repositories.labels.set(label(4242, 'Renamed'));
  await studio.sync.syncNow();
  const bytes = folderDelta(folder, before);
  await laptop.sync.syncNow();
  if (!laptop.repositories.labels.list().some((entry) => entry.name === 'Renamed'))
    throw new Error('the change did not arrive');
  return bytes;
}

async function convergeMs(dir: string): Promise<{ convergeMs: number; rounds: number }> {
  const folder = join(dir, 'three');
  mkdirSync(folder);
  const members = ['a', 'b', 'c'].map((name) => desktop(dir, name));
  await group(folder, members);
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let edit = 0; edit < EDITS; edit += 1) {
    const member = members[Math.floor(random() * members.length)] as Desktop;
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
  const change = await bytesPerChange(dir);
  const converge = await convergeMs(dir);
  console.log(
    JSON.stringify({
      records: RECORDS,
      bytesPerChange: change,
      edits: EDITS,
      convergeMs: converge.convergeMs,
      rounds: converge.rounds,
      meetsGoals: { bytesPerChange: change < 2048 },
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
