import { TransportStatusError } from '@ledgerhq/hw-transport';
import {
  DisconnectedDevice,
  DisconnectedDeviceDuringOperation,
  TransportOpenUserCancelled,
  TransportRaceCondition,
} from '@ledgerhq/errors';
import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../../shared/deviceError';
import { toDeviceError, UDEV_REMEDY } from './ledgerStatus';

describe('toDeviceError', () => {
  it.each([
    [0x6985, 'rejected'],
    [0x5501, 'rejected'],
    [0x5515, 'locked'],
    [0x6982, 'locked'],
    [0x6a80, 'blind_signing_required'],
    [0x6e00, 'app_closed'],
    [0x6e01, 'app_closed'],
    [0x6d02, 'app_closed'],
    [0x6d00, 'wrong_app'],
    [0x6807, 'app_closed'],
  ] as const)('maps status word 0x%s to %s', (status, state) => {
    const error = toDeviceError(new TransportStatusError(status));
    expect(error).toBeInstanceOf(DeviceError);
    expect(error.state).toBe(state);
    expect(error.message).not.toBe('');
  });

  it('says the app is missing, not closed, for 0x6807', () => {
    expect(toDeviceError(new TransportStatusError(0x6807)).remedy).toMatch(/Install the Ethereum app/);
  });

  it.each([
    [new DisconnectedDevice(), 'disconnected'],
    [new DisconnectedDeviceDuringOperation(), 'disconnected'],
    [new TransportRaceCondition(), 'busy'],
    [new TransportOpenUserCancelled(), 'disconnected'],
    [Object.assign(new Error('x'), { name: 'EthAppPleaseEnableContractData' }), 'blind_signing_required'],
  ] as const)('maps transport error %s', (cause, state) => {
    const error = toDeviceError(cause);
    expect(error.state).toBe(state);
    expect(error.cause).toBe(cause);
  });

  it.each([
    'EACCES: permission denied, open /dev/hidraw3',
    'LIBUSB_ERROR_ACCESS',
    'cannot open device with path /dev/hidraw3',
  ])('maps Linux access errors (%s) to access_denied with the udev fix', (message) => {
    const error = toDeviceError(new Error(message));
    expect(error.state).toBe('access_denied');
    expect(error.code).toBe('device_unavailable');
    expect(error.remedy).toBe(UDEV_REMEDY);
  });

  it('names the shipped rules file and every command of the udev fix', () => {
    expect(UDEV_REMEDY).toContain('resources/linux/udev/51-ledgerline-ledger.rules');
    expect(UDEV_REMEDY).toContain('/etc/udev/rules.d/');
    expect(UDEV_REMEDY).toContain('udevadm control --reload-rules');
    expect(UDEV_REMEDY).toContain('udevadm trigger');
    expect(UDEV_REMEDY).toMatch(/unplug/);
  });

  it('keeps an unknown failure as a generic device error and passes a DeviceError through', () => {
    const unknown = toDeviceError(new Error('boom'));
    expect(unknown.state).toBe('error');
    expect(unknown.message).toContain('boom');
    expect(toDeviceError(unknown)).toBe(unknown);
    expect(toDeviceError(new TransportStatusError(0x1234)).state).toBe('error');
  });

  it('gives a rejection the rejected code', () => {
    expect(toDeviceError(new TransportStatusError(0x6985)).code).toBe('device_rejected');
  });
});
