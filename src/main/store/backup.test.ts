import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, NANO, PHONE, ledgerAccount, watchAccount } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { BACKUP_FORMAT, BackupService } from './backup';
import { openDatabase } from './database';
import { createRepositories } from './repositories';

const RENT = `0x${'ab'.repeat(32)}`;
const BRIDGED = `0x${'cd'.repeat(32)}`;

function wallet(db: Database) {
  const repositories = createRepositories(db);
  return { ...repositories, backup: new BackupService(db, repositories) };
}

function fill(w: ReturnType<typeof wallet>) {
  w.settings.writeMany({ theme: 'dark', fiatCurrency: 'EUR' }, 100);
  w.devices.recordSeen(NANO, 100);
  w.devices.recordSeen(PHONE, 200);
  w.accounts.addMany([ledgerAccount(0, ALICE), ledgerAccount(1, BOB)], 300);
  w.accounts.add(watchAccount(CAROL, 'Cold wallet'), 300);
  w.labels.setMany(
    [
      { address: CAROL, chainId: null, kind: 'eoa', name: 'Carol', note: 'from the DAO' },
      { address: BOB, chainId: 1, kind: 'contract', name: 'Vault', note: '' },
    ],
    400,
  );
  w.addressBook.set({ address: CAROL, chainId: null, name: 'Carol', note: '' }, 500);
  w.txNotes.set({ chainId: 1, hash: RENT, note: 'Rent for March' }, 600);
  w.txNotes.set({ chainId: 8453, hash: BRIDGED, note: 'Bridge to Base for the airdrop' }, 600);
}

/** The state a backup carries, without local ids, which differ between wallets. */
function state(w: ReturnType<typeof wallet>) {
  const { exportedAt: _, ...rest } = JSON.parse(w.backup.export());
  return rest;
}

describe('BackupService', () => {
  const temp = useTempDatabase('backup-');

  it('round-trips the non-secret state through a file into an empty wallet', () => {
    const source = wallet(temp.db);
    fill(source);
    const file = join(temp.dir, 'ledgerline-backup.json');
    writeFileSync(file, source.backup.export(new Date(0)));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '1970-01-01T00:00:00.000Z',
    });

    const otherDir = mkdtempSync(join(tmpdir(), 'backup-target-'));
    const targetDb = openDatabase(join(otherDir, 'wallet.sqlite'));
    try {
      const target = wallet(targetDb);
      expect(target.backup.import(readFileSync(file, 'utf8'))).toEqual({
        settings: 2,
        devices: 2,
        accounts: 3,
        labels: 2,
        addressBook: 1,
        txNotes: 2,
      });
      expect(state(target)).toEqual(state(source));
      expect(target.txNotes.get(1, RENT)).toEqual({
        chainId: 1,
        hash: RENT,
        note: 'Rent for March',
        updatedAt: 600,
      });
    } finally {
      targetDb.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('merges without duplicates: importing the same backup twice changes nothing', () => {
    const w = wallet(temp.db);
    fill(w);
    const text = w.backup.export();
    const before = state(w);
    const nothing = { settings: 0, devices: 0, accounts: 0, labels: 0, addressBook: 0, txNotes: 0 };
    expect(w.backup.import(text)).toEqual(nothing);
    expect(w.backup.import(text)).toEqual(nothing);
    expect(state(w)).toEqual(before);
  });

  it('merges a backup into a wallet with its own state, newer edits winning on each side', () => {
    const w = wallet(temp.db);
    fill(w);
    const text = w.backup.export();
    w.labels.set(
      { address: CAROL, chainId: null, kind: 'eoa', name: 'Carol (renamed later)', note: '' },
      900,
    );
    w.addressBook.set({ address: ALICE, chainId: 10, name: 'Me on OP', note: '' }, 900);
    w.txNotes.set({ chainId: 1, hash: RENT, note: 'Rent for March (paid late)' }, 900);
    w.txNotes.remove(8453, BRIDGED);
    for (const { id } of w.accounts.list().filter((a) => a.signer === 'watch')) w.accounts.remove(id);
    expect(w.backup.import(text)).toMatchObject({ accounts: 1, labels: 0, addressBook: 0, txNotes: 1 });
    expect(w.txNotes.list().map((n) => n.note)).toEqual([
      'Rent for March (paid late)',
      'Bridge to Base for the airdrop',
    ]);
    expect(w.labels.forAddress(CAROL)[0]?.name).toBe('Carol (renamed later)');
    expect(w.addressBook.list()).toHaveLength(2);
    expect(w.accounts.list().filter((a) => a.address === CAROL)).toHaveLength(1);
  });

  it.each([
    ['a file that is not JSON', 'PK\u0003\u0004 zip bytes', /not a Ledgerline backup \(it is not JSON\)/],
    ['another app’s JSON', JSON.stringify({ wallets: [] }), /not a Ledgerline backup\./],
    [
      'a backup from a newer version',
      JSON.stringify({ format: BACKUP_FORMAT, version: 2 }),
      /newer version of Ledgerline/,
    ],
  ])('refuses %s with a clear error and changes nothing', (_, text, message) => {
    const w = wallet(temp.db);
    fill(w);
    const before = state(w);
    expect(() => w.backup.import(text)).toThrow(
      expect.objectContaining({ code: 'backup_invalid', message: expect.stringMatching(message) }),
    );
    expect(state(w)).toEqual(before);
  });

  it('refuses a damaged backup, saying where, and imports none of it', () => {
    const w = wallet(temp.db);
    fill(w);
    const file = JSON.parse(w.backup.export());
    file.addressBook.push({ address: BOB, chainId: null, name: 'Bob', note: '', createdAt: 1, updatedAt: 1 });
    file.labels[1].address = '0xnot-an-address';
    const before = state(w);
    expect(() => w.backup.import(JSON.stringify(file))).toThrow(
      /damaged or incomplete \(labels\.1\.address: .*is not an address/,
    );
    expect(state(w)).toEqual(before);
  });

  it('rolls the whole import back when a record conflicts with this wallet', () => {
    const w = wallet(temp.db);
    const file = JSON.parse(w.backup.export());
    file.labels.push({
      address: ALICE,
      chainId: null,
      kind: 'eoa',
      name: 'Alice',
      note: '',
      createdAt: 1,
      updatedAt: 1,
    });
    // A Ledger account whose device is in the file as a Trezor: the constraint rejects it at the end.
    file.devices.push({ ...NANO, kind: 'trezor', pairedAt: null, firstSeenAt: 1, lastSeenAt: 1 });
    file.accounts.push({ ...ledgerAccount(0, BOB), createdAt: 1, updatedAt: 1 });
    expect(() => w.backup.import(JSON.stringify(file))).toThrow(
      expect.objectContaining({
        code: 'backup_invalid',
        message: expect.stringMatching(/signer kind.*Nothing was imported/),
      }),
    );
    expect(w.devices.list()).toEqual([]);
    expect(w.labels.list()).toEqual([]);
  });

  it('imports a backup written before transaction notes, and refuses a damaged note', () => {
    const source = wallet(temp.db);
    fill(source);
    const file = JSON.parse(source.backup.export());
    const { txNotes: _, ...older } = file;
    const w = wallet(temp.reopen());
    temp.db.exec('DELETE FROM tx_notes');
    expect(w.backup.import(JSON.stringify(older))).toMatchObject({ txNotes: 0 });
    expect(w.txNotes.list()).toEqual([]);
    file.txNotes[0].hash = RENT.toUpperCase().replace('0X', '0x');
    expect(() => w.backup.import(JSON.stringify(file))).toThrow(/damaged or incomplete \(txNotes\.0\.hash/);
    expect(w.txNotes.list()).toEqual([]);
  });
});
