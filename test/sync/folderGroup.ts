import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { toChecksumAddress, type ChecksumAddress } from '../../src/main/store/address';
import { fixtureAddress } from '../anvil/chainSetup';
import { joinThroughFolder, syncedDesktop, tempDir, type SyncedDesktop } from './syncHarness';

export const address = (...parts: string[]) =>
  toChecksumAddress(fixtureAddress('sync', ...parts)) as ChecksumAddress;

export const label = (name: string, ...parts: string[]) => ({
  address: address(...parts),
  chainId: null,
  kind: 'eoa' as const,
  name,
  note: '',
});

export const names = (desktop: SyncedDesktop) =>
  desktop.repositories.labels
    .list()
    .map((entry) => entry.name)
    .toSorted();

/**
 * Desktops on their own databases around one real sync folder, made fresh for each test and closed after it.
 * `group` joins them as a user would: the first invites each other through the folder.
 */
export function useFolderGroup() {
  let dir: ReturnType<typeof tempDir>;
  let folder = '';
  const open: SyncedDesktop[] = [];
  beforeEach(() => {
    dir = tempDir('folder-sync-');
    folder = join(dir.path, 'Sync folder');
    mkdirSync(folder);
  });
  afterEach(() => {
    for (const desktop of open.splice(0)) desktop.close();
    dir.remove();
  });

  function desktop(name: string): SyncedDesktop {
    const created = syncedDesktop(dir.path, name);
    open.push(created);
    return created;
  }

  async function group<const N extends readonly [string, ...string[]]>(
    ...names: N
  ): Promise<{ [I in keyof N]: SyncedDesktop }> {
    const desktops = names.map(desktop);
    await joinThroughFolder(folder, desktops);
    return desktops as { [I in keyof N]: SyncedDesktop };
  }

  return { desktop, group, folder: () => folder, dir: () => dir.path };
}
