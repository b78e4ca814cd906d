import { describe, expect, it } from 'vitest';
import type { Account } from '../store/accountsRepository';
import type { Device } from '../store/devicesRepository';
import { describeState } from './deviceStates';
import { deviceLabel, type DeviceSnapshot, deviceViews, type KnownDevices } from './deviceViews';

function known(...devices: Device[]): KnownDevices {
  return {
    get: (fingerprint) => devices.find((device) => device.fingerprint === fingerprint),
    list: () => devices,
  };
}

function stored(fingerprint: string, kind: Device['kind'], name: string): Device {
  return { fingerprint, kind, name, model: null, pairedAt: null, firstSeenAt: 1, lastSeenAt: 2 };
}

function plugged(patch: Partial<DeviceSnapshot> = {}): DeviceSnapshot {
  return {
    id: 'hid-1',
    kind: 'ledger',
    device: { model: 'Nano S Plus', label: null },
    probe: { app: { name: 'Ethereum', version: '1.13.0' }, blindSigning: false, clearSignsTypedData: true },
    fingerprint: 'aaaa0001',
    state: 'ready',
    ...describeState('ledger', 'ready'),
    updatedAt: 5,
    ...patch,
  };
}

const accountOf = (deviceFingerprint: string | null) => ({ deviceFingerprint }) as Account;

describe('deviceLabel', () => {
  it("prefers the user's name for the seed, then the device's own label, model and kind", () => {
    const live = plugged({ device: { model: 'Safe 3', label: 'Vault' }, kind: 'trezor' });
    expect(deviceLabel(live, known(stored('aaaa0001', 'trezor', 'Savings')))).toBe('Savings');
    expect(deviceLabel(live, known())).toBe('Vault');
    expect(deviceLabel({ ...live, device: { model: 'Safe 3', label: null } }, known())).toBe('Safe 3');
    expect(deviceLabel({ ...live, device: null, fingerprint: null }, known())).toBe('Trezor');
  });
});

describe('deviceViews', () => {
  it('lists plugged-in devices with their app and account count, then known ones as disconnected', () => {
    const views = deviceViews(
      [plugged()],
      known(stored('aaaa0001', 'ledger', 'Main Ledger'), stored('bbbb0002', 'trezor', 'Old Trezor')),
      [accountOf('aaaa0001'), accountOf('aaaa0001'), accountOf('bbbb0002'), accountOf(null)],
    );
    expect(views).toEqual([
      {
        id: 'hid-1',
        kind: 'ledger',
        model: 'Nano S Plus',
        label: 'Main Ledger',
        fingerprint: 'aaaa0001',
        connected: true,
        state: 'ready',
        message: 'Ready to sign.',
        remedy: null,
        app: { name: 'Ethereum', version: '1.13.0' },
        blindSigning: false,
        accounts: 2,
        updatedAt: 5,
      },
      {
        id: 'stored:bbbb0002',
        kind: 'trezor',
        model: null,
        label: 'Old Trezor',
        fingerprint: 'bbbb0002',
        connected: false,
        state: 'disconnected',
        ...describeState('trezor', 'disconnected'),
        app: null,
        blindSigning: null,
        accounts: 1,
        updatedAt: 2,
      },
    ]);
  });

  it('leaves out paired phones, and counts no accounts for a device whose seed is not read yet', () => {
    const views = deviceViews(
      [plugged({ fingerprint: null, probe: null, device: null, state: 'access_denied' })],
      known(stored('cccc0003', 'phone', 'Pixel')),
      [accountOf(null)],
    );
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      accounts: 0,
      app: null,
      blindSigning: null,
      model: null,
      label: 'Ledger',
    });
  });
});
