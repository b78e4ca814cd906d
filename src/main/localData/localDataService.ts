import type { Database } from 'better-sqlite3';
import type { BackupExport, DataLocation, ImportSummary } from '../../shared/localData';
import type { AccountView } from '../../shared/accounts';
import type { Settings } from '../../shared/settings';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import type { BackupService } from '../store/backup';
import { clearLocalData } from '../store/localData';
import type { Vault } from '../vault/vault';
import { VaultError } from '../vault/vaultError';

export interface LocalDataServiceOptions {
  db: Database;
  location: DataLocation;
  backup: BackupService;
  vault: Pick<Vault, 'destroy'>;
  settings: { get(): Settings };
  accounts: { list(): AccountView[] };
  /** Sync keeps clocks and keys in memory beside its tables; it forgets them once the tables are empty. */
  sync: { reset(): void };
  /** The networks are read again after the reset, so no client keeps talking to a forgotten endpoint. */
  networks: { reconfigure(): Promise<void> };
  events: EventHub;
  log: Logger;
}

/** This machine's data as a whole: where it lives, its backup file, and "Reset local data". */
export class LocalDataService {
  constructor(private readonly options: LocalDataServiceOptions) {}

  location(): DataLocation {
    return this.options.location;
  }

  exportBackup(now = new Date()): BackupExport {
    return {
      fileName: `ledgerline-backup-${now.toISOString().slice(0, 10)}.json`,
      contents: this.options.backup.export(now),
    };
  }

  importBackup(contents: string): ImportSummary {
    const summary = this.options.backup.import(contents);
    this.options.events.emit('settings.changed', this.options.settings.get());
    return summary;
  }

  /**
   * Empties the tables first and the keychain after: if the keychain is locked, the sealed rows are gone
   * already and the key it kept is pruned on a later start, so no secret survives either way.
   */
  async reset(): Promise<void> {
    const { db, sync, vault, events, settings, accounts, networks, log } = this.options;
    clearLocalData(db);
    sync.reset();
    try {
      await vault.destroy();
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      log.warn('reset could not remove the data key from the keychain yet', { code: error.code });
    }
    events.emit('settings.changed', settings.get());
    events.emit('accounts.changed', accounts.list());
    await networks.reconfigure();
  }
}
