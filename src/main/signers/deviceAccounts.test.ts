import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../../test/ledger/ledgerEmulator';
import { expectedAddress } from '../../../test/signing/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { EventName } from '../../shared/api/contract';
import type { DeviceView } from '../../shared/devices';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import type { ChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { DeviceAccounts } from './deviceAccounts';
import { DeviceRegistry } from './deviceRegistry';
import { LedgerDeviceSource } from './ledger/ledgerDeviceSource';

const temp = useTempDatabase('device-accounts-');

const running: DeviceRegistry[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((registry) => registry.stop()));
});

async function setup() {
  const repositories = createRepositories(temp.db);
  const events = createEventHub();
  const heard: EventName[] = [];
  events.subscribe((name) => heard.push(name));
  const bus = new EmulatedHidBus();
  const devices = new DeviceRegistry({
    sources: [new LedgerDeviceSource(bus)],
    repositories,
    activity: async () => [],
    events,
    log: createLogger('signers', () => {}),
    recheckMs: 0,
    now: () => 7,
  });
  running.push(devices);
  await devices.start();
  let refreshed = 0;
  const accounts = new DeviceAccounts({
    db: temp.db,
    devices,
    repositories,
    events,
    onAccountsChanged: () => refreshed++,
    now: () => 7,
  });
  bus.plug('hid-1', new LedgerEmulator());
  await expect.poll(() => devices.list()[0]?.state).toBe('ready');
  const device = devices.list()[0] as DeviceView;
  heard.length = 0;
  return { accounts, repositories, heard, device, refreshed: () => refreshed };
}

describe('DeviceAccounts', () => {
  it("adds accounts with the device's own addresses, and discovery then marks them as added", async () => {
    const h = await setup();
    const added = await h.accounts.add({
      deviceId: h.device.id,
      accounts: [{ scheme: 'legacy', index: 1, label: 'Savings' }],
    });
    expect(added).toEqual([
      expect.objectContaining({
        signer: 'ledger',
        deviceFingerprint: h.device.fingerprint,
        derivationScheme: 'legacy',
        derivationPath: "m/44'/60'/0'/1",
        address: expectedAddress("m/44'/60'/0'/1"),
        label: 'Savings',
        createdAt: 7,
      }),
    ]);
    expect(h.heard).toEqual(['accounts.changed', 'devices.changed']);
    expect(h.refreshed()).toBe(1);

    const page = await h.accounts.discover({
      deviceId: h.device.id,
      scheme: 'legacy',
      start: 0,
      count: 2,
      all: true,
    });
    expect(page.accounts.map((account) => account.accountId)).toEqual([null, added[0]?.id]);
  });

  it('refuses BIP44 account 0, which is Ledger Live account 0, and adds nothing', async () => {
    const h = await setup();
    await expect(
      h.accounts.add({ deviceId: h.device.id, accounts: [{ scheme: 'bip44', index: 0 }] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(h.repositories.accounts.list()).toEqual([]);
    expect(h.heard).toEqual([]);
  });

  it('names accounts added without a name "Ledger 1", "Ledger 2"…, past the names already taken', async () => {
    const h = await setup();
    h.repositories.accounts.add({
      signer: 'watch',
      deviceFingerprint: null,
      derivationScheme: null,
      derivationPath: null,
      address: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
      label: 'ledger 1',
    });
    const added = await h.accounts.add({
      deviceId: h.device.id,
      accounts: [
        { scheme: 'ledger-live', index: 0 },
        { scheme: 'ledger-live', index: 1, label: 'Ledger 3' },
        { scheme: 'ledger-live', index: 2 },
      ],
    });
    expect(added.map((account) => account.label)).toEqual(['Ledger 2', 'Ledger 3', 'Ledger 4']);
  });

  it('refuses a name an account has already, before asking the device, and adds nothing', async () => {
    const h = await setup();
    await h.accounts.add({ deviceId: h.device.id, accounts: [{ scheme: 'ledger-live', index: 0 }] });
    h.heard.length = 0;
    await expect(
      h.accounts.add({
        deviceId: h.device.id,
        accounts: [{ scheme: 'ledger-live', index: 1, label: 'LEDGER 1' }],
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'Another account is already named “LEDGER 1”. Pick a different name.',
    });
    await expect(
      h.accounts.add({
        deviceId: h.device.id,
        accounts: [
          { scheme: 'ledger-live', index: 1, label: 'Savings' },
          { scheme: 'ledger-live', index: 2, label: 'savings' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(h.repositories.accounts.list().map((account) => account.label)).toEqual(['Ledger 1']);
    expect(h.heard).toEqual([]);
  });

  it("forgets a device with its accounts and leaves other signers' accounts alone", async () => {
    const h = await setup();
    await h.accounts.add({ deviceId: h.device.id, accounts: [{ scheme: 'ledger-live', index: 0 }] });
    const watch = h.repositories.accounts.add({
      signer: 'watch',
      deviceFingerprint: null,
      derivationScheme: null,
      derivationPath: null,
      address: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
      label: 'Treasury',
    });
    h.accounts.forget(h.device.fingerprint as string);
    expect(h.repositories.accounts.list()).toEqual([watch]);
    expect(h.repositories.devices.get(h.device.fingerprint as string)).toBeUndefined();
    expect(h.refreshed()).toBe(2);
    expect(() => h.accounts.forget('0badf00d')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(h.heard.filter((name) => name === 'accounts.changed')).toHaveLength(2);
  });
});
