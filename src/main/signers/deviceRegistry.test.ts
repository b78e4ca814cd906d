import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../../test/ledger/ledgerEmulator';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { TrezorConnectFake } from '../../../test/trezor/trezorFake';
import { ApiError } from '../../shared/api/envelope';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { DeviceView } from '../../shared/devices';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import { createRepositories } from '../store/repositories';
import { DeviceError } from '../../shared/deviceError';
import { DeviceRegistry } from './deviceRegistry';
import type { DeviceSource } from './deviceSource';
import { LedgerDeviceSource } from './ledger/ledgerDeviceSource';
import { TrezorDeviceSource } from './trezor/trezorDeviceSource';

const temp = useTempDatabase('device-registry-');

const running: DeviceRegistry[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((registry) => registry.stop()));
});

async function registryWith(sources: DeviceSource[], recheckMs = 0) {
  const repositories = createRepositories(temp.db);
  const events = createEventHub();
  const published: DeviceView[][] = [];
  events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
    if (name === 'devices.changed') published.push(payload as DeviceView[]);
  });
  const logged: string[] = [];
  const registry = new DeviceRegistry({
    sources,
    repositories,
    activity: async () => [],
    events,
    log: createLogger('signers', (line) => logged.push(line)),
    recheckMs,
    now: Date.now,
  });
  running.push(registry);
  await registry.start();
  return { registry, repositories, published, logged };
}

async function withLedger(emulator = new LedgerEmulator(), recheckMs = 0) {
  const bus = new EmulatedHidBus();
  const h = await registryWith([new LedgerDeviceSource(bus)], recheckMs);
  bus.plug('hid-1', emulator);
  const device = () => h.registry.list()[0] as DeviceView;
  return { ...h, bus, emulator, device };
}

describe('DeviceRegistry', () => {
  it('identifies a plugged-in Ledger by its seed, remembers it, and publishes each change', async () => {
    const h = await withLedger();
    await expect.poll(() => h.device()?.state).toBe('ready');
    expect(h.published.map((views) => views[0]?.state)).toEqual(['busy', 'ready']);
    const { fingerprint } = h.device();
    expect(h.repositories.devices.get(fingerprint as string)).toMatchObject({
      kind: 'ledger',
      name: 'Nano S Plus',
    });
    expect(h.registry.ready(h.device().id)).toMatchObject({ fingerprint, discovery: expect.anything() });
  });

  it('lets a request through only when the device can take it, and says why not', async () => {
    const h = await withLedger();
    expect(() => h.registry.ready('hid-9')).toThrow(
      expect.objectContaining({ state: 'disconnected', remedy: 'Plug it in and try again.' }),
    );
    await expect.poll(() => h.device()?.state).toBe('ready');

    h.emulator.lock();
    const live = h.registry.ready(h.device().id);
    await expect(h.registry.use(live, () => live.device.probe())).rejects.toMatchObject({ state: 'locked' });
    expect(h.device().state).toBe('locked');
    expect(() => h.registry.ready(h.device().id)).toThrow(expect.objectContaining({ state: 'locked' }));
  });

  it('leaves the device as each kind of failure describes it', async () => {
    const h = await withLedger();
    await expect.poll(() => h.device()?.state).toBe('ready');
    const live = h.registry.ready(h.device().id);
    const fail = (error: unknown) => h.registry.use(live, () => Promise.reject(error)).catch(() => undefined);

    await fail(new DeviceError('rejected', 'You rejected the request on your Ledger.', null));
    expect(h.device()).toMatchObject({
      state: 'rejected',
      message: 'You rejected the request on your Ledger.',
    });
    // A rejection blocks nothing: the next request may go.
    expect(h.registry.ready(h.device().id)).toBe(live);

    await fail(new ApiError('signature_mismatch', 'Not this account.'));
    expect(h.device().state).toBe('ready');

    await fail(new Error('EPIPE'));
    expect(h.device()).toMatchObject({ state: 'error', message: 'Your Ledger answered with an error.' });
    expect(h.logged.join('')).toContain('device request failed unexpectedly');
    expect(h.logged.join('')).not.toContain('EPIPE');
  });

  it('asks a locked device again until the user unlocks it', async () => {
    const emulator = new LedgerEmulator();
    emulator.lock();
    const h = await withLedger(emulator, 20);
    await expect.poll(() => h.device()?.state).toBe('locked');
    emulator.unlock();
    await expect.poll(() => h.device()?.state).toBe('ready');
  });

  it('shows the udev fix for a Ledger that Linux will not let the app open, and picks it up once it can', async () => {
    const bus = new EmulatedHidBus();
    bus.openError = new Error('EACCES: permission denied, open /dev/hidraw3');
    const h = await registryWith([new LedgerDeviceSource(bus)]);
    const emulator = new LedgerEmulator();
    bus.plug('hid-1', emulator);
    const device = () => h.registry.list()[0] as DeviceView;
    await expect.poll(() => device()?.state).toBe('access_denied');
    expect(device().remedy).toContain('51-ledgerline-ledger.rules');
    expect(h.published.flat().some((view) => view.state === 'access_denied')).toBe(true);

    bus.openError = null;
    bus.unplug('hid-1');
    emulator.replug();
    bus.plug('hid-1', emulator);
    await expect.poll(() => device()?.state).toBe('ready');
  });

  it('refuses a second device holding a seed the wallet already signs with, and says what to do', async () => {
    const bus = new EmulatedHidBus();
    const fake = new TrezorConnectFake({ label: 'Vault' });
    const { registry } = await registryWith([
      new LedgerDeviceSource(bus),
      new TrezorDeviceSource({ connect: fake }),
    ]);
    bus.plug('hid-1', new LedgerEmulator());
    await expect.poll(() => registry.list()[0]?.state).toBe('ready');
    fake.plugIn();
    const trezor = () => registry.list().find((device) => device.kind === 'trezor');
    await expect.poll(() => trezor()?.state).toBe('error');
    expect(trezor()).toMatchObject({
      message: expect.stringContaining('same seed as “Nano S Plus”'),
      remedy: expect.stringContaining('forget it in Devices first'),
    });
  });

  it('takes a PIN only from a device that asks for one', async () => {
    const fake = new TrezorConnectFake({ pin: '159' });
    const { registry } = await registryWith([new TrezorDeviceSource({ connect: fake })]);
    fake.plugIn();
    const device = () => registry.list()[0] as DeviceView;
    await expect.poll(() => device()?.state).toBe('pin_requested');
    expect(() => registry.answer(device().id, 'passphrase', 'x')).toThrow(
      expect.objectContaining({
        code: 'invalid_state',
        message: 'That device is not asking for a passphrase.',
      }),
    );
    expect(() => registry.answer('nowhere', 'pin', '159')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
    registry.answer(device().id, 'pin', '159');
    await expect.poll(() => device()?.state).toBe('ready');
  });
});
