import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../../shared/deviceError';
import { trezorError, UDEV_RULES_FILE } from './trezorErrors';

describe('trezorError', () => {
  it.each([
    [{ code: 'Failure_ActionCancelled', error: 'Action cancelled by user' }, 'rejected'],
    [{ code: 'Method_Cancel', error: 'Cancelled' }, 'rejected'],
    [{ code: 'Method_PermissionsNotGranted', error: 'Permissions not granted' }, 'rejected'],
    [{ code: 'Method_Interrupted', error: 'Popup closed' }, 'rejected'],
    [{ code: 'Failure_PinCancelled', error: 'PIN cancelled' }, 'locked'],
    [{ code: 'Failure_PinInvalid', error: 'PIN invalid' }, 'locked'],
    [{ code: 'Failure_PinMismatch', error: 'PIN mismatch' }, 'locked'],
    [{ code: 'Device_InvalidState', error: 'Passphrase is incorrect' }, 'passphrase_requested'],
    [{ code: 'Device_Disconnected', error: 'Device disconnected' }, 'disconnected'],
    [{ code: 'Device_NotFound', error: 'Device not found' }, 'disconnected'],
    [{ code: 'Transport_Missing', error: 'Transport is missing' }, 'disconnected'],
    [{ error: 'device disconnected during action' }, 'disconnected'],
    [{ code: 'Device_UsedElsewhere', error: 'Device is used in another window' }, 'busy'],
    [{ code: 'Device_CallInProgress', error: 'Device call in progress' }, 'busy'],
    [{ code: 'Failure_Busy', error: 'Busy' }, 'busy'],
    [{ error: 'LIBUSB_ERROR_ACCESS' }, 'access_denied'],
    [new Error('EACCES: permission denied, open /dev/hidraw3'), 'access_denied'],
    [{ code: 'Failure_DataError', error: 'Invalid path' }, 'error'],
  ] as const)('maps %o to %s', (failure, state) => {
    const error = trezorError(failure);
    expect(error).toBeInstanceOf(DeviceError);
    expect(error.state).toBe(state);
    expect(error.cause).toBe(failure);
  });

  it('gives the exact udev fix for access errors', () => {
    const { remedy } = trezorError('LIBUSB_ERROR_ACCESS');
    expect(remedy).toContain(`sudo cp ${UDEV_RULES_FILE} /etc/udev/rules.d/`);
    expect(remedy).toContain('sudo udevadm control --reload-rules && sudo udevadm trigger');
    expect(remedy).toMatch(/unplug the Trezor and plug it back in/);
    expect(UDEV_RULES_FILE).toBe('resources/linux/udev/51-ledgerline-trezor.rules');
  });

  it('names Trezor Bridge and USB when the device is missing', () => {
    expect(trezorError({ code: 'Transport_Missing', error: '' }).remedy).toMatch(/Trezor Bridge.*|USB|cable/);
  });

  it('tells PIN cancelled and PIN wrong apart', () => {
    expect(trezorError({ code: 'Failure_PinCancelled', error: '' }).message).toMatch(/cancelled/);
    expect(trezorError({ code: 'Failure_PinInvalid', error: '' }).message).toMatch(/wrong/);
  });

  it('keeps the device text for failures it does not know, and passes DeviceErrors through', () => {
    expect(trezorError({ code: 'Failure_DataError', error: 'Invalid path' }).message).toContain(
      'Invalid path',
    );
    const known = new DeviceError('busy', 'busy', null);
    expect(trezorError(known)).toBe(known);
    expect(trezorError(undefined).state).toBe('error');
  });
});
