import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { BACKUP_MAX_BYTES, type ImportSummary } from '../../shared/localData';
import { type AccountsRepository, NewAccount } from './accountsRepository';
import { type AddressBookRepository, ContactInput } from './addressBookRepository';
import { DeviceSighting, type DevicesRepository } from './devicesRepository';
import { LabelInput, type LabelsRepository } from './labelsRepository';
import type { SettingsRepository } from './settingsRepository';
import { StoreError } from './storeError';
import { TxNote, type TxNotesRepository } from './txNotesRepository';

export const BACKUP_FORMAT = 'ledgerline-backup';
export const BACKUP_VERSION = 1;

const Timestamp = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Times = { createdAt: Timestamp, updatedAt: Timestamp };

/**
 * Version 1 of the backup file: the non-secret state only (transaction notes included). Vault secrets stay behind (they are bound to this
 * machine's keychain), and so do sync cursors (they are rebuilt from the chain). Accounts refer to devices
 * by fingerprint, never by a local id, so a backup merges into any wallet.
 */
export const BackupFile = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  settings: z.array(
    z.strictObject({ key: z.string().min(1).max(100), value: z.json(), updatedAt: Timestamp }),
  ),
  devices: z.array(
    DeviceSighting.extend({ pairedAt: Timestamp.nullable(), firstSeenAt: Timestamp, lastSeenAt: Timestamp }),
  ),
  accounts: z.array(NewAccount.extend(Times)),
  labels: z.array(LabelInput.extend(Times)),
  addressBook: z.array(ContactInput.extend(Times)),
  /** Added within version 1: a backup written before transaction notes has none. */
  txNotes: z.array(TxNote).default([]),
});
export type BackupFile = z.output<typeof BackupFile>;

export interface BackupRepositories {
  settings: SettingsRepository;
  devices: DevicesRepository;
  accounts: AccountsRepository;
  labels: LabelsRepository;
  addressBook: AddressBookRepository;
  txNotes: TxNotesRepository;
}

export class BackupService {
  private readonly mergeAll;

  constructor(
    db: Database,
    private readonly repositories: BackupRepositories,
  ) {
    const { settings, devices, accounts, labels, addressBook, txNotes } = repositories;
    const count = <T>(items: readonly T[], merge: (item: T) => boolean) => items.filter(merge).length;
    // Devices go first: accounts refer to them.
    this.mergeAll = db.transaction((file: BackupFile): ImportSummary => ({
      devices: count(file.devices, (d) => devices.merge(d)),
      accounts: count(file.accounts, (a) => accounts.merge(a)),
      labels: count(file.labels, (l) => labels.merge(l)),
      addressBook: count(file.addressBook, (c) => addressBook.merge(c)),
      txNotes: count(file.txNotes, (n) => txNotes.merge(n)),
      settings: count(file.settings, (s) => settings.merge(s)),
    }));
  }

  export(now = new Date()): string {
    const { settings, devices, accounts, labels, addressBook, txNotes } = this.repositories;
    const file: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      // Stored settings are JSON text, so their parsed values are JSON.
      settings: settings.records() as BackupFile['settings'],
      devices: devices.list(),
      accounts: accounts.list().map(({ id: _id, ...account }) => account),
      labels: labels.list(),
      addressBook: addressBook.list(),
      txNotes: txNotes.list(),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  }

  /** Merges a backup into this wallet in one transaction: all of it, or, on any error, none of it. */
  import(text: string): ImportSummary {
    const file = parseBackup(text);
    try {
      return this.mergeAll(file);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      throw new StoreError('backup_invalid', `${error.message} Nothing was imported.`, { cause: error });
    }
  }
}

function parseBackup(text: string): BackupFile {
  const invalid = (why: string) => new StoreError('backup_invalid', `${why} Nothing was imported.`);
  if (text.length > BACKUP_MAX_BYTES) throw invalid('This file is too large to be a Ledgerline backup.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('This file is not a Ledgerline backup (it is not JSON).');
  }
  // Tell "someone else's file" and "a newer app's backup" apart from damage: each needs a different fix.
  const header = z.looseObject({ format: z.unknown(), version: z.unknown() }).safeParse(json);
  if (!header.success || header.data.format !== BACKUP_FORMAT) {
    throw invalid('This file is not a Ledgerline backup.');
  }
  const { version } = header.data;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw invalid(
      `This backup was made by a newer version of Ledgerline (format ${version}). Update the app.`,
    );
  }
  const parsed = BackupFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`);
    throw invalid(`This backup is damaged or incomplete (${problems.join('; ')}).`);
  }
  return parsed.data;
}
