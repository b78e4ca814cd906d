import { z } from 'zod';
import { BackupExport, BackupImport, DataLocation, ImportSummary, ResetRequest } from '../../localData';
import { VaultStatus } from '../../vault';
import { NoRequest, type CallFamily } from './spec';

/** The data on this machine as a whole: where it lives, its backups, its reset, and the keychain behind it. */
export const localDataCalls = {
  'data.location': { request: NoRequest, response: DataLocation },
  'data.reset': { request: ResetRequest, response: z.null() },
  'backup.export': { request: NoRequest, response: BackupExport },
  'backup.import': { request: BackupImport, response: ImportSummary },
  'vault.status': { request: NoRequest, response: VaultStatus },
} as const satisfies CallFamily;
