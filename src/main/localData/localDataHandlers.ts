import type { localDataCalls } from '../../shared/api/calls/localData';
import type { FamilyHandlers } from '../api/router';
import type { Vault } from '../vault/vault';
import type { LocalDataService } from './localDataService';

export function localDataHandlers(
  localData: LocalDataService,
  vault: Pick<Vault, 'status'>,
): FamilyHandlers<typeof localDataCalls> {
  return {
    'data.location': () => localData.location(),
    'data.reset': async () => (await localData.reset(), null),
    'backup.export': () => localData.exportBackup(),
    'backup.import': ({ contents }) => localData.importBackup(contents),
    'vault.status': () => vault.status(),
  };
}
