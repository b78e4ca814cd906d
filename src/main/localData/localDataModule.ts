import type { CoreBase } from '../coreBase';
import { BackupService } from '../store/backup';
import { localDataHandlers } from './localDataHandlers';
import { LocalDataService, type LocalDataServiceOptions } from './localDataService';

/** This machine's data as a whole: its location, backup file and reset, and the keychain status beside them. */
export function createLocalDataModule(
  base: CoreBase,
  deps: Pick<LocalDataServiceOptions, 'location' | 'settings' | 'accounts' | 'sync' | 'networks'>,
) {
  const backup = new BackupService(base.db, base.repositories);
  const localData = new LocalDataService({ ...base, ...deps, backup });
  return { handlers: localDataHandlers(localData, base.vault) };
}
