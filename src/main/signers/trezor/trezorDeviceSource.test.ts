import { describe, expect, it } from 'vitest';
import { TrezorConnectFake, type TrezorFakeOptions } from '../../../../test/trezor/trezorFake';
import type { HardwareKind } from '../../../shared/devices';
import type { ConnectedDevice, DeviceSourceListener } from '../deviceSource';
import type { DeviceActivity } from '../signer';
import { TREZOR_TRANSPORT_ID, TrezorDeviceSource } from './trezorDeviceSource';

const FIRST = "m/44'/60'/0'/0/0";
const FIRST_ADDRESS = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const DEVICE_ID = 'FAKE0000000000000001';

type Heard =
  | { event: 'attached'; device: ConnectedDevice }
  | { event: 'detached'; id: string }
  | { event: 'activity'; id: string; activity: DeviceActivity }
  | { event: 'unavailable'; id: string; kind: HardwareKind; activity: DeviceActivity };

class Recorder implements DeviceSourceListener {
  readonly heard: Heard[] = [];
  onActivity: (id: string, activity: DeviceActivity) => void = () => undefined;

  attached(device: ConnectedDevice): void {
    this.heard.push({ event: 'attached', device });
  }
  detached(id: string): void {
    this.heard.push({ event: 'detached', id });
  }
  activity(id: string, activity: DeviceActivity): void {
    this.heard.push({ event: 'activity', id, activity });
    this.onActivity(id, activity);
  }
  unavailable(id: string, kind: HardwareKind, activity: DeviceActivity): void {
    this.heard.push({ event: 'unavailable', id, kind, activity });
  }

  device(): ConnectedDevice {
    const attached = this.heard.findLast((item) => item.event === 'attached');
    if (!attached) throw new Error('No device attached.');
    return attached.device;
  }
}

async function started(options: TrezorFakeOptions = {}) {
  const fake = new TrezorConnectFake(options);
  const source = new TrezorDeviceSource({ connect: fake });
  const recorder = new Recorder();
  await source.start(recorder);
  return { fake, source, recorder };
}

describe('TrezorDeviceSource', () => {
  it('attaches a plugged-in Trezor with its label and model, and detaches it when unplugged', async () => {
    const { fake, recorder } = await started({ label: 'Cold', model: 'T3T1' });
    fake.plugIn();
    const device = recorder.device();
    expect(device).toMatchObject({ id: DEVICE_ID, kind: 'trezor', model: 'Trezor Safe 5', label: 'Cold' });
    expect(await device.signer.getAddresses([FIRST])).toEqual([FIRST_ADDRESS]);
    expect(await device.probe()).toMatchObject({ blindSigning: null, clearSignsTypedData: true });
    fake.unplug();
    expect(recorder.heard.at(-1)).toEqual({ event: 'detached', id: DEVICE_ID });
  });

  it('reports a Trezor held by another application as busy until it is released', async () => {
    const { fake, recorder } = await started();
    fake.setUsedElsewhere(true);
    fake.plugIn();
    expect(recorder.heard).toEqual([
      {
        event: 'unavailable',
        id: fake.path,
        kind: 'trezor',
        activity: expect.objectContaining({ state: 'busy' }),
      },
    ]);
    fake.setUsedElsewhere(false);
    expect(recorder.heard.slice(1).map((item) => item.event)).toEqual(['detached', 'attached']);
    expect(recorder.device().id).toBe(DEVICE_ID);
  });

  it('reports a Trezor Linux will not open as access denied, with the udev fix', async () => {
    const { fake, recorder } = await started();
    fake.plugInWithoutPermission();
    expect(recorder.heard).toEqual([
      {
        event: 'unavailable',
        id: fake.path,
        kind: 'trezor',
        activity: { state: 'access_denied', detail: expect.stringContaining('51-ledgerline-trezor.rules') },
      },
    ]);
  });

  it('reports a USB transport denied access as access denied', async () => {
    const { fake, recorder } = await started();
    fake.failTransport('LIBUSB_ERROR_ACCESS');
    expect(recorder.heard).toEqual([
      {
        event: 'unavailable',
        id: TREZOR_TRANSPORT_ID,
        kind: 'trezor',
        activity: { state: 'access_denied', detail: expect.stringContaining('udevadm') },
      },
    ]);
  });

  it('relays PIN and passphrase requests and sends the answers back', async () => {
    const { fake, source, recorder } = await started({ pin: '3572', passphrase: true });
    fake.plugIn();
    recorder.onActivity = (id, { state }) => {
      if (state === 'pin_requested') source.answer(id, 'pin', '3572');
      if (state === 'passphrase_requested') source.answer(id, 'passphrase', '');
    };
    const signature = await recorder.device().signer.signPersonalMessage(FIRST, new Uint8Array([104, 105]));
    expect(signature.r).toMatch(/^0x/);
    const activities = recorder.heard.flatMap((item) => (item.event === 'activity' ? [item] : []));
    expect(activities).toEqual([
      { event: 'activity', id: DEVICE_ID, activity: { state: 'pin_requested' } },
      { event: 'activity', id: DEVICE_ID, activity: { state: 'passphrase_requested' } },
      { event: 'activity', id: DEVICE_ID, activity: { state: 'awaiting_confirmation' } },
    ]);
    // The empty passphrase is the standard wallet.
    expect(await recorder.device().signer.getAddresses([FIRST])).toEqual([FIRST_ADDRESS]);
  });

  it('cancels the request when the user dismisses the PIN prompt', async () => {
    const { fake, source, recorder } = await started({ pin: '1' });
    fake.plugIn();
    recorder.onActivity = (id, { state }) => {
      if (state === 'pin_requested') source.answer(id, 'pin', null);
    };
    await expect(recorder.device().signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'rejected' });
  });

  it('hears nothing after stop', async () => {
    const { fake, source, recorder } = await started();
    await source.stop();
    fake.plugIn();
    expect(recorder.heard).toEqual([]);
  });
});
