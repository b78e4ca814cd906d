import { describe, expect, it } from 'vitest';
import { NANO, PHONE, ledgerAccount, ALICE } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { AccountsRepository } from './accountsRepository';
import { DevicesRepository } from './devicesRepository';

describe('DevicesRepository', () => {
  const temp = useTempDatabase();

  it('records a hardware wallet when first seen and keeps the user’s name on later sightings', () => {
    const devices = new DevicesRepository(temp.db);
    expect(devices.recordSeen(NANO, 1000)).toEqual({
      ...NANO,
      pairedAt: null,
      firstSeenAt: 1000,
      lastSeenAt: 1000,
    });
    devices.rename(NANO.fingerprint, 'Cold storage');
    const again = devices.recordSeen({ ...NANO, model: 'nanoX 2' }, 2000);
    expect(again).toMatchObject({
      name: 'Cold storage',
      model: 'nanoX 2',
      firstSeenAt: 1000,
      lastSeenAt: 2000,
    });
    expect(new DevicesRepository(temp.reopen()).list()).toEqual([again]);
  });

  it('stores a phone as paired and never moves last-seen backwards', () => {
    const devices = new DevicesRepository(temp.db);
    expect(devices.recordSeen(PHONE, 5000)).toMatchObject({ kind: 'phone', pairedAt: 5000 });
    expect(devices.recordSeen(PHONE, 4000)).toMatchObject({ pairedAt: 5000, lastSeenAt: 5000 });
  });

  it('refuses a fingerprint that is already another kind of device, and changes nothing', () => {
    const devices = new DevicesRepository(temp.db);
    devices.recordSeen(NANO, 1000);
    expect(() => devices.recordSeen({ ...NANO, kind: 'trezor' }, 2000)).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(/known as a ledger, not a trezor/),
      }),
    );
    expect(devices.get(NANO.fingerprint)).toMatchObject({ kind: 'ledger', lastSeenAt: 1000 });
  });

  it('will not remove a device that still has accounts', () => {
    const devices = new DevicesRepository(temp.db);
    const accounts = new AccountsRepository(temp.db);
    devices.recordSeen(NANO);
    const account = accounts.add(ledgerAccount(0, ALICE));
    expect(() => devices.remove(NANO.fingerprint)).toThrow(expect.objectContaining({ code: 'conflict' }));
    accounts.remove(account.id);
    devices.remove(NANO.fingerprint);
    expect(devices.list()).toEqual([]);
    expect(() => devices.remove(NANO.fingerprint)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('merges a backup’s device by widening when it was seen, and reports no change the second time', () => {
    const devices = new DevicesRepository(temp.db);
    devices.recordSeen(NANO, 2000);
    const fromBackup = { ...NANO, name: 'Other name', pairedAt: null, firstSeenAt: 1000, lastSeenAt: 1500 };
    expect(devices.merge(fromBackup)).toBe(true);
    expect(devices.merge(fromBackup)).toBe(false);
    expect(devices.get(NANO.fingerprint)).toMatchObject({
      name: 'Nano X',
      firstSeenAt: 1000,
      lastSeenAt: 2000,
    });
    expect(() => devices.merge({ ...fromBackup, kind: 'trezor' })).toThrow(/known as a ledger/);
  });
});
