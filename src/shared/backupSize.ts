// Apart from the backup schemas so that the bridge's frame limit, which the first screen loads, does not pull
// the full zod build into it.
/** Generous for labels and an address book; anything larger is not a backup this app wrote. */
export const BACKUP_MAX_BYTES = 8 * 1024 * 1024;
