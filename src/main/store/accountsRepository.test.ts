import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, NANO, PHONE, ledgerAccount, watchAccount } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { AccountsRepository, DerivationPath, NewAccount } from './accountsRepository';
import { DevicesRepository } from './devicesRepository';

describe('AccountsRepository', () => {
  const temp = useTempDatabase();

  function repositories() {
    const devices = new DevicesRepository(temp.db);
    devices.recordSeen(NANO, 1);
    devices.recordSeen(PHONE, 1);
    return { devices, accounts: new AccountsRepository(temp.db) };
  }

  it('stores hardware, phone and watch-only accounts and reads them back after a reopen', () => {
    const { accounts } = repositories();
    const added = [
      accounts.add(ledgerAccount(0, ALICE), 1000),
      accounts.add(
        {
          signer: 'phone',
          deviceFingerprint: PHONE.fingerprint,
          derivationScheme: null,
          derivationPath: null,
          address: BOB,
          label: 'Phone',
        },
        1000,
      ),
      accounts.add(watchAccount(CAROL), 1000),
    ];
    expect(added[0]).toMatchObject({
      id: expect.any(Number),
      createdAt: 1000,
      updatedAt: 1000,
      ...ledgerAccount(0, ALICE),
    });
    expect(new AccountsRepository(temp.reopen()).list()).toEqual(added);
  });

  it('renames an account and moves its updated time only', () => {
    const { accounts } = repositories();
    const { id } = accounts.add(watchAccount(ALICE), 1000);
    expect(accounts.rename(id, 'Treasury', 2000)).toMatchObject({
      label: 'Treasury',
      createdAt: 1000,
      updatedAt: 2000,
    });
    expect(() => accounts.rename(id + 1, 'x')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it.each([
    [
      'a second account at the same device and path',
      ledgerAccount(0, BOB),
      /already has an account at that derivation path/,
    ],
    ['a duplicate watch-only address', watchAccount(CAROL), /already a watch-only account/],
    [
      'a Ledger account without a path',
      { ...ledgerAccount(1, BOB), derivationPath: null, derivationScheme: null },
      /needs its derivation path/,
    ],
    [
      'a watch-only account with a device',
      { ...watchAccount(BOB), deviceFingerprint: NANO.fingerprint },
      /watch-only account has no device/,
    ],
    [
      'a watch-only account with a path',
      { ...watchAccount(BOB), derivationScheme: 'bip44', derivationPath: "m/44'/60'/0'/0/0" },
      /has no derivation path/,
    ],
    ['a path without its scheme', { ...ledgerAccount(1, BOB), derivationScheme: null }, /needs its scheme/],
    [
      'a Trezor account on a Ledger',
      { ...ledgerAccount(1, BOB), signer: 'trezor' },
      /not a device of the account's signer kind/,
    ],
    [
      'an unknown device',
      { ...ledgerAccount(1, BOB), deviceFingerprint: 'ledger:unknown' },
      /not known to this wallet/,
    ],
  ] as const)('refuses %s with a clear error and keeps what was stored', (_, account, message) => {
    const { accounts } = repositories();
    accounts.add(ledgerAccount(0, ALICE));
    accounts.add(watchAccount(CAROL));
    const before = accounts.list();
    expect(() => accounts.add(account as NewAccount)).toThrow(message);
    expect(accounts.list()).toEqual(before);
  });

  it('adds a discovered run of accounts in one transaction: all or none', () => {
    const { accounts } = repositories();
    expect(() =>
      accounts.addMany([ledgerAccount(0, ALICE), ledgerAccount(1, BOB), ledgerAccount(1, CAROL)]),
    ).toThrow(/derivation path/);
    expect(accounts.list()).toEqual([]);
    expect(accounts.addMany([ledgerAccount(0, ALICE), ledgerAccount(1, BOB)]).map((a) => a.address)).toEqual([
      ALICE,
      BOB,
    ]);
  });

  it('merges by device and address, the newer label winning, and reports no change the second time', () => {
    const { accounts } = repositories();
    const local = accounts.add(ledgerAccount(0, ALICE), 1000);
    const { id: _id, ...record } = local;
    expect(accounts.merge({ ...record, label: 'Older', updatedAt: 500 })).toBe(false);
    expect(accounts.merge({ ...record, label: 'Newer', updatedAt: 2000 })).toBe(true);
    expect(accounts.merge({ ...record, label: 'Newer', updatedAt: 2000 })).toBe(false);
    const watch = { ...watchAccount(BOB, 'Imported'), createdAt: 10, updatedAt: 10 };
    expect(accounts.merge(watch)).toBe(true);
    expect(accounts.merge(watch)).toBe(false);
    expect(accounts.list().map((a) => [a.id === local.id, a.label])).toEqual([
      [true, 'Newer'],
      [false, 'Imported'],
    ]);
  });

  it('parses derivation paths strictly at the boundary', () => {
    expect(DerivationPath.safeParse("m/44'/60'/0'/0/0").success).toBe(true);
    for (const bad of ['m', "m/44'/60'/", 'm//0', "44'/60'", 'm/2147483648', "m/44''"]) {
      expect(DerivationPath.safeParse(bad).success, bad).toBe(false);
    }
    expect(NewAccount.parse({ ...watchAccount(ALICE), address: ALICE.toLowerCase() }).address).toBe(ALICE);
  });
});
