import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALICE, NANO, ledgerAccount } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { AccountsRepository } from './accountsRepository';
import { DevicesRepository } from './devicesRepository';
import { LabelsRepository } from './labelsRepository';
import { clearLocalData } from './localData';
import { MIGRATIONS } from './migrations';
import { SettingsRepository } from './settingsRepository';
import { TxNotesRepository } from './txNotesRepository';

describe('clearLocalData', () => {
  const temp = useTempDatabase('reset-');

  it('empties every table but the vault’s, keeps the schema, and scrubs the file', () => {
    const labels = new LabelsRepository(temp.db);
    new SettingsRepository(temp.db).writeMany({ theme: 'dark' });
    new DevicesRepository(temp.db).recordSeen(NANO);
    new AccountsRepository(temp.db).add(ledgerAccount(0, ALICE));
    labels.set({ address: ALICE, chainId: null, kind: 'eoa', name: 'unforgettable-label-name', note: '' });
    new TxNotesRepository(temp.db).set({
      chainId: 1,
      hash: `0x${'ab'.repeat(32)}`,
      note: 'unforgettable-tx-note',
    });
    temp.db.prepare('INSERT INTO vault_keys (id, active, created_at) VALUES (?, 1, 0)').run('a'.repeat(32));

    clearLocalData(temp.db);

    const counts = temp.db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map(({ name }) => [name, temp.db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get()]);
    expect(Object.fromEntries(counts)).toMatchObject({
      settings: 0,
      devices: 0,
      accounts: 0,
      labels: 0,
      tx_notes: 0,
      vault_keys: 1,
    });
    expect(temp.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    // The services built on this connection keep working.
    labels.set({ address: ALICE, chainId: null, kind: 'eoa', name: 'Alice', note: '' });
    temp.db.close();
    expect(readFileSync(temp.file).includes('unforgettable-label-name')).toBe(false);
    expect(readFileSync(temp.file).includes('unforgettable-tx-note')).toBe(false);
    temp.reopen();
  });
});
