import { describe, expect, it, vi } from 'vitest';
import { expectedAddress } from '../../../../test/signing/fixtures';
import { EmulatedHidBus } from '../../../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../../../test/ledger/ledgerEmulator';
import { DeviceError } from '../../../shared/deviceError';
import type { ConnectedDevice, DeviceSourceListener } from '../deviceSource';
import type { DeviceActivity } from '../signer';
import { LedgerDeviceSource } from './ledgerDeviceSource';
import { UDEV_REMEDY } from './ledgerStatus';

const PATH = "m/44'/60'/0'/0/0";

function recordingListener() {
  const events: string[] = [];
  const attached: ConnectedDevice[] = [];
  const unavailable: { id: string; activity: DeviceActivity }[] = [];
  const activity: DeviceActivity[] = [];
  const listener: DeviceSourceListener = {
    attached: (device) => {
      attached.push(device);
      events.push(`attached ${device.id}`);
    },
    detached: (id) => events.push(`detached ${id}`),
    activity: (_, event) => activity.push(event),
    unavailable: (id, _, event) => unavailable.push({ id, activity: event }),
  };
  return { listener, events, attached, unavailable, activity };
}

async function started(hid: EmulatedHidBus) {
  const source = new LedgerDeviceSource(hid);
  const recorded = recordingListener();
  await source.start(recorded.listener);
  return { source, ...recorded };
}

describe('LedgerDeviceSource', () => {
  it('attaches a plugged Ledger with its model and a working signer', async () => {
    const hid = new EmulatedHidBus();
    const { attached } = await started(hid);
    hid.plug('/dev/hidraw3', new LedgerEmulator({ model: 'Nano X' }));
    await vi.waitFor(() => expect(attached).toHaveLength(1));
    const [device] = attached;
    expect(device).toMatchObject({ kind: 'ledger', model: 'Nano X', label: null });
    expect(await device?.signer.getAddresses([PATH])).toEqual([expectedAddress(PATH)]);
    expect(await device?.probe()).toMatchObject({ app: { name: 'Ethereum' } });
  });

  it('fails a request cut by an unplug, then serves the replugged device under the same id', async () => {
    const hid = new EmulatedHidBus();
    const { events, attached, activity } = await started(hid);
    hid.plug('/dev/hidraw3', new LedgerEmulator({ confirmationDelayMs: 10_000 }));
    await vi.waitFor(() => expect(attached).toHaveLength(1));
    const first = attached[0] as ConnectedDevice;

    const pending = first.signer.signPersonalMessage(PATH, new Uint8Array([1]));
    await vi.waitFor(() => expect(activity.at(-1)?.state).toBe('awaiting_confirmation'));
    hid.unplug('/dev/hidraw3');
    const error = await pending.catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).state).toBe('disconnected');
    expect(activity.at(-1)?.state).toBe('disconnected');
    const whileOut = await first.signer.getAddresses([PATH]).catch((cause: unknown) => cause);
    expect((whileOut as DeviceError).state).toBe('disconnected');

    hid.plug('/dev/hidraw7', new LedgerEmulator());
    await vi.waitFor(() => expect(attached).toHaveLength(2));
    expect(events).toEqual([`attached ${first.id}`, `detached ${first.id}`, `attached ${first.id}`]);
    expect(await first.signer.getAddresses([PATH])).toEqual([expectedAddress(PATH)]);
  });

  it('reopens a transport that died without an unplug event (suspend and wake)', async () => {
    const hid = new EmulatedHidBus();
    const { attached } = await started(hid);
    const emulator = new LedgerEmulator();
    hid.plug('/dev/hidraw3', emulator);
    await vi.waitFor(() => expect(attached).toHaveLength(1));
    const device = attached[0] as ConnectedDevice;
    emulator.unplug();
    expect(((await device.signer.getAddresses([PATH]).catch((e: unknown) => e)) as DeviceError).state).toBe(
      'disconnected',
    );
    emulator.replug();
    const opensBefore = hid.opens;
    expect(await device.signer.getAddresses([PATH])).toEqual([expectedAddress(PATH)]);
    expect(hid.opens).toBe(opensBefore + 1);
  });

  it('gives two Ledgers of one model their own ids', async () => {
    const hid = new EmulatedHidBus();
    const { attached } = await started(hid);
    hid.plug('/dev/hidraw3', new LedgerEmulator());
    hid.plug('/dev/hidraw4', new LedgerEmulator());
    await vi.waitFor(() => expect(attached).toHaveLength(2));
    expect(new Set(attached.map((device) => device.id)).size).toBe(2);
  });

  it('reports a Ledger it may not open as unavailable with the udev fix', async () => {
    const hid = new EmulatedHidBus();
    hid.openError = new Error('EACCES: permission denied, open /dev/hidraw3');
    const { attached, unavailable } = await started(hid);
    hid.plug('/dev/hidraw3', new LedgerEmulator());
    await vi.waitFor(() => expect(unavailable).toHaveLength(1));
    expect(unavailable[0]?.activity).toEqual({ state: 'access_denied', detail: UDEV_REMEDY });
    expect(attached).toHaveLength(0);

    hid.openError = null;
    hid.unplug('/dev/hidraw3');
    hid.plug('/dev/hidraw3', new LedgerEmulator());
    await vi.waitFor(() => expect(attached).toHaveLength(1));
    expect(attached[0]?.id).toBe(unavailable[0]?.id);
  });

  it('stops listening on stop', async () => {
    const hid = new EmulatedHidBus();
    const { source, attached } = await started(hid);
    await source.stop();
    hid.plug('/dev/hidraw3', new LedgerEmulator());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(attached).toHaveLength(0);
  });
});
