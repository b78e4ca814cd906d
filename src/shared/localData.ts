import { z } from 'zod';
import { BACKUP_MAX_BYTES } from './backupSize';

export { BACKUP_MAX_BYTES };

/** Resetting deletes everything on this computer, so the request must carry the words the user typed. */
export const RESET_CONFIRMATION = 'reset local data';

export const DataLocation = z.strictObject({
  dataDir: z.string(),
  databaseFile: z.string(),
});
export type DataLocation = z.infer<typeof DataLocation>;

export const BackupExport = z.strictObject({
  fileName: z.string().regex(/^[\w.-]+\.json$/),
  contents: z.string(),
});
export type BackupExport = z.infer<typeof BackupExport>;

export const BackupImport = z.strictObject({
  contents: z.string().min(1).max(BACKUP_MAX_BYTES),
});

/** How many items of each kind the import added or updated; zero everywhere for a repeated import. */
export const ImportSummary = z.strictObject({
  settings: z.number().int().nonnegative(),
  devices: z.number().int().nonnegative(),
  accounts: z.number().int().nonnegative(),
  labels: z.number().int().nonnegative(),
  addressBook: z.number().int().nonnegative(),
  txNotes: z.number().int().nonnegative(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ResetRequest = z.strictObject({ confirm: z.literal(RESET_CONFIRMATION) });
