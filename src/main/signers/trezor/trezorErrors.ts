import type { DeviceState } from '../../../shared/devices';
import { DeviceError } from '../../../shared/deviceError';

export const UDEV_RULES_FILE = 'resources/linux/udev/51-ledgerline-trezor.rules';

const UDEV_REMEDY =
  `Linux does not let this user open the Trezor. Install the udev rules: ` +
  `sudo cp ${UDEV_RULES_FILE} /etc/udev/rules.d/ && ` +
  `sudo udevadm control --reload-rules && sudo udevadm trigger, then unplug the Trezor and plug it back in.`;

interface Row {
  /** Trezor error codes (`payload.code`, `TrezorError.code`) this row answers. */
  codes: readonly string[];
  /** Text in the message, for failures that carry no code (transport and libusb errors). */
  text?: RegExp;
  state: DeviceState;
  message: string;
  remedy: string | null;
}

/** First match wins, so the specific rows (udev access) come before the broad ones (disconnected). */
const ROWS: readonly Row[] = [
  {
    codes: [],
    text: /LIBUSB_ERROR_ACCESS|EACCES/,
    state: 'access_denied',
    message: 'The Trezor is plugged in but this user may not open it.',
    remedy: UDEV_REMEDY,
  },
  {
    codes: ['Failure_ActionCancelled', 'Method_Cancel', 'Method_PermissionsNotGranted', 'Method_Interrupted'],
    state: 'rejected',
    message: 'The request was rejected on the Trezor.',
    remedy: null,
  },
  {
    codes: ['Failure_PinCancelled'],
    state: 'locked',
    message: 'PIN entry was cancelled, so the Trezor stays locked.',
    remedy: 'Try again and enter the PIN using the layout shown on the Trezor.',
  },
  {
    codes: ['Failure_PinInvalid', 'Failure_PinMismatch'],
    state: 'locked',
    message: 'The PIN was wrong.',
    remedy: 'Try again; the digits move on the Trezor screen each time, so follow its layout.',
  },
  {
    codes: ['Device_InvalidState'],
    state: 'passphrase_requested',
    message: 'The passphrase opened a different wallet from the one this session started with.',
    remedy: 'Enter the same passphrase as before; every passphrase opens its own wallet.',
  },
  {
    codes: ['Device_Disconnected', 'Device_NotFound', 'Transport_Missing'],
    text: /disconnected|device not found/i,
    state: 'disconnected',
    message: 'The Trezor is not connected.',
    remedy:
      'Plug the Trezor in with a data cable, directly rather than through a hub. If it still does not appear, ' +
      'install or restart Trezor Bridge, or close Trezor Suite if it is running.',
  },
  {
    codes: ['Device_UsedElsewhere', 'Device_CallInProgress', 'Failure_Busy'],
    state: 'busy',
    message: 'The Trezor is busy with another request or another application.',
    remedy: 'Finish or close the other request (Trezor Suite, a browser wallet), then try again.',
  },
];

/** Turns whatever TrezorConnect reported (an unsuccessful payload or a thrown error) into a DeviceError. */
export function trezorError(failure: unknown): DeviceError {
  if (failure instanceof DeviceError) return failure;
  const { code, text } = describe(failure);
  const row = ROWS.find((candidate) => candidate.codes.includes(code) || candidate.text?.test(text));
  const options = { cause: failure };
  if (!row)
    return new DeviceError(
      'error',
      text ? `The Trezor reported an error: ${text}` : 'The Trezor failed.',
      null,
      options,
    );
  return new DeviceError(row.state, row.message, row.remedy, options);
}

function describe(failure: unknown): { code: string; text: string } {
  if (typeof failure === 'string') return { code: '', text: failure };
  if (typeof failure !== 'object' || failure === null) return { code: '', text: '' };
  const code = 'code' in failure && typeof failure.code === 'string' ? failure.code : '';
  const text =
    'error' in failure && typeof failure.error === 'string'
      ? failure.error
      : 'message' in failure && typeof failure.message === 'string'
        ? failure.message
        : '';
  return { code, text };
}
