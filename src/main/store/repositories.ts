import type { Database } from 'better-sqlite3';
import { AccountsRepository } from './accountsRepository';
import { AddressBookRepository } from './addressBookRepository';
import { DevicesRepository } from './devicesRepository';
import { LabelsRepository } from './labelsRepository';
import { SettingsRepository } from './settingsRepository';
import { SignaturesRepository } from './signaturesRepository';
import { TxNotesRepository } from './txNotesRepository';

/** One repository per aggregate, over one connection, prepared once at start-up. */
export function createRepositories(db: Database) {
  return {
    settings: new SettingsRepository(db),
    devices: new DevicesRepository(db),
    accounts: new AccountsRepository(db),
    labels: new LabelsRepository(db),
    addressBook: new AddressBookRepository(db),
    signatures: new SignaturesRepository(db),
    txNotes: new TxNotesRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
