import { describe, expect, it, vi } from 'vitest';
import { ALICE, watchAccount } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createEventHub } from '../api/events';
import { BackupService } from '../store/backup';
import { createRepositories } from '../store/repositories';
import { VaultError } from '../vault/vaultError';
import { LocalDataService } from './localDataService';

describe('LocalDataService', () => {
  const temp = useTempDatabase('local-data-');

  function localData(destroy: () => Promise<void> = async () => {}) {
    const repositories = createRepositories(temp.db);
    const events = createEventHub();
    const emitted: string[] = [];
    events.subscribe((name) => emitted.push(name));
    const steps: string[] = [];
    const service = new LocalDataService({
      db: temp.db,
      location: { dataDir: temp.dir, databaseFile: `${temp.dir}/wallet.sqlite` },
      backup: new BackupService(temp.db, repositories),
      vault: { destroy: () => (steps.push('vault'), destroy()) },
      settings: { get: () => DEFAULT_SETTINGS },
      accounts: repositories.accounts,
      sync: { reset: () => void steps.push('sync') },
      networks: { reconfigure: async () => void steps.push('networks') },
      events,
      log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    });
    return { service, repositories, emitted, steps };
  }

  it('names the backup file by its day and restores it into an empty wallet', () => {
    const { service, repositories, emitted } = localData();
    const { id } = repositories.accounts.add(watchAccount(ALICE));
    const backup = service.exportBackup(new Date('2030-01-02T10:00:00Z'));
    expect(backup.fileName).toBe('ledgerline-backup-2030-01-02.json');

    repositories.accounts.remove(id);
    expect(service.importBackup(backup.contents)).toMatchObject({ accounts: 1 });
    expect(repositories.accounts.list().map((a) => a.address)).toEqual([ALICE]);
    expect(emitted).toEqual(['settings.changed']);
  });

  it('resets in order: tables, sync, keychain, then the screens and the networks hear of it', async () => {
    const { service, repositories, emitted, steps } = localData();
    repositories.accounts.add(watchAccount(ALICE));
    await service.reset();
    expect(repositories.accounts.list()).toEqual([]);
    expect(steps).toEqual(['sync', 'vault', 'networks']);
    expect(emitted).toEqual(['settings.changed', 'accounts.changed']);
  });

  it('finishes a reset with the keychain locked: the sealed rows are gone already', async () => {
    const locked = () => Promise.reject(new VaultError('keychain_locked', 'Unlock your keychain.'));
    const { service, repositories, steps } = localData(locked);
    repositories.accounts.add(watchAccount(ALICE));
    await expect(service.reset()).resolves.toBeUndefined();
    expect(repositories.accounts.list()).toEqual([]);
    expect(steps).toEqual(['sync', 'vault', 'networks']);
  });

  it('stops on any other failure, so it is never hidden', async () => {
    const { service } = localData(() => Promise.reject(new Error('disk full')));
    await expect(service.reset()).rejects.toThrow('disk full');
  });
});
