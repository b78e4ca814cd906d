import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventHub } from '../../src/main/api/events';
import { ChainDirectory } from '../../src/main/chains/chainDirectory';
import { RpcEndpoints } from '../../src/main/chains/rpcEndpoints';
import { TokensRepository } from '../../src/main/chains/tokensRepository';
import { SettingsService } from '../../src/main/settings/settingsService';
import { openDatabase } from '../../src/main/store/database';
import { createRepositories, type Repositories } from '../../src/main/store/repositories';
import { syncedCollections } from '../../src/main/sync/syncedCollections';
import { loadIdentity, type SyncIdentity } from '../../src/main/sync/syncIdentity';
import { SyncService } from '../../src/main/sync/syncService';
import type { SyncView } from '../../src/shared/sync';
import { memorySecrets } from '../vault/memorySecrets';

export interface SyncedDesktop {
  name: string;
  tokens: TokensRepository;
  sync: SyncService;
  repositories: Repositories;
  identity(): Promise<SyncIdentity>;
  /** The latest view pushed as sync.changed. */
  view(): SyncView;
  namesChanged: number;
  networksChanged: number;
  directory: ChainDirectory;
  endpoints: RpcEndpoints;
  settings: SettingsService;
  /** The counter of the newest blob this desktop wrote. */
  lastCounter(): Promise<number>;
  close(): void;
}

/**
 * A desktop's sync stack on its own real database file, with an in-memory vault. Free of vitest, so the sync
 * benchmark builds its desktops the same way.
 */
export function syncedDesktop(dir: string, name: string): SyncedDesktop {
  const db = openDatabase(join(dir, `${name}.sqlite`));
  const repositories = createRepositories(db);
  const events = createEventHub();
  // Refusals are asserted through the sync view, which says why; the log would only repeat it.
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const vault = memorySecrets();
  const directory = new ChainDirectory(db);
  const settings = new SettingsService(
    repositories.settings,
    events,
    log,
    (id) => directory.find(id) !== undefined,
  );
  const endpoints = new RpcEndpoints(vault, () => directory.all());
  let latest: SyncView | null = null;
  const tokens = new TokensRepository(db);
  const desktop: SyncedDesktop = {
    name,
    tokens,
    repositories,
    namesChanged: 0,
    networksChanged: 0,
    directory,
    endpoints,
    settings,
    sync: new SyncService({
      db,
      vault,
      collections: syncedCollections({
        repositories,
        tokens,
        settings,
        directory,
        endpoints,
        onNamesChanged: () => (desktop.namesChanged += 1),
        onNetworksChanged: () => (desktop.networksChanged += 1),
        onNotesChanged: () => undefined,
      }),
      events,
      log,
      deviceName: name,
    }),
    async identity() {
      const identity = await loadIdentity(vault);
      if (!identity) throw new Error(`${name} has no sync identity yet`);
      return identity;
    },
    async lastCounter() {
      const { device } = await desktop.identity();
      const row = db
        .prepare<[string], { counter: number }>(
          'SELECT max(counter) AS counter FROM sync_blobs WHERE origin = ?',
        )
        .get(device.id);
      return row?.counter ?? 0;
    },
    view() {
      if (!latest) throw new Error(`${name} pushed no sync view yet`);
      return latest;
    },
    close: () => db.close(),
  };
  events.subscribe((event, payload) => {
    if (event === 'sync.changed') latest = payload as SyncView;
  });
  return desktop;
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The first desktop starts syncing through the folder; each other joins with an invite code, as a user would. */
export async function joinThroughFolder(folder: string, desktops: readonly SyncedDesktop[]): Promise<void> {
  const [first, ...others] = desktops;
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
