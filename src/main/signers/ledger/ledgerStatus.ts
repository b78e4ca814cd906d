import type { DeviceState } from '../../../shared/devices';
import { DeviceError } from '../../../shared/deviceError';

interface StatusRow {
  state: DeviceState;
  message: string;
  remedy: string | null;
}

const UDEV_RULES = '51-ledgerline-ledger.rules';

/** Shipped in resources/linux/udev; Linux hides hidraw nodes from users without a rule like it. */
export const UDEV_REMEDY =
  `Linux does not let this user open the Ledger. Install the udev rule that ships with Ledgerline: ` +
  `sudo cp resources/linux/udev/${UDEV_RULES} /etc/udev/rules.d/ && ` +
  `sudo udevadm control --reload-rules && sudo udevadm trigger, then unplug the Ledger and plug it back in.`;

const OPEN_ETHEREUM = 'Unlock the Ledger and open the Ethereum app.';

/**
 * Every status word and transport failure the Ethereum app path can produce, with what it means to the user.
 * Several words share a meaning because firmware versions disagree on how to say it.
 */
export const LEDGER_STATUS_WORDS: Readonly<Record<number, StatusRow>> = {
  0x6985: { state: 'rejected', message: 'The request was rejected on the Ledger.', remedy: null },
  0x5501: { state: 'rejected', message: 'The request was rejected on the Ledger.', remedy: null },
  0x5515: { state: 'locked', message: 'The Ledger is locked.', remedy: 'Enter your PIN on the Ledger.' },
  0x6982: { state: 'locked', message: 'The Ledger is locked.', remedy: 'Enter your PIN on the Ledger.' },
  0x6a80: {
    state: 'blind_signing_required',
    message: 'The Ethereum app refused data it cannot display.',
    remedy: 'In the Ethereum app on the Ledger, open Settings and enable Blind signing, then try again.',
  },
  0x6e00: {
    state: 'app_closed',
    message: 'The Ethereum app is not open on the Ledger.',
    remedy: OPEN_ETHEREUM,
  },
  0x6e01: {
    state: 'app_closed',
    message: 'The Ethereum app is not open on the Ledger.',
    remedy: OPEN_ETHEREUM,
  },
  0x6d02: {
    state: 'app_closed',
    message: 'The Ethereum app is not open on the Ledger.',
    remedy: OPEN_ETHEREUM,
  },
  0x6d00: {
    state: 'wrong_app',
    message: 'Another app is open on the Ledger.',
    remedy: 'Close it and open the Ethereum app.',
  },
  0x6807: {
    state: 'app_closed',
    message: 'The Ethereum app is not installed on the Ledger.',
    remedy: 'Install the Ethereum app with Ledger Live (My Ledger), then open it.',
  },
};

/** Transport failures, by the `name` both @ledgerhq/errors and @ledgerhq/hw-transport give them. */
export const LEDGER_TRANSPORT_ERRORS: Readonly<Record<string, StatusRow>> = {
  DisconnectedDevice: {
    state: 'disconnected',
    message: 'The Ledger is not connected.',
    remedy: 'Plug in the Ledger and unlock it.',
  },
  DisconnectedDeviceDuringOperation: {
    state: 'disconnected',
    message: 'The Ledger was disconnected during the request.',
    remedy: 'Plug the Ledger back in, unlock it and try again.',
  },
  TransportRaceCondition: {
    state: 'busy',
    message: 'The Ledger is still busy with another request.',
    remedy: 'Finish or reject the request shown on the Ledger, then try again.',
  },
  TransportOpenUserCancelled: {
    state: 'disconnected',
    message: 'Connecting to the Ledger was cancelled.',
    remedy: 'Plug in the Ledger and try again.',
  },
  // hw-app-eth replaces 0x6a80 with this when a transaction is refused.
  EthAppPleaseEnableContractData: {
    state: 'blind_signing_required',
    message: 'The Ethereum app refused data it cannot display.',
    remedy: 'In the Ethereum app on the Ledger, open Settings and enable Blind signing, then try again.',
  },
  AccessDenied: {
    state: 'access_denied',
    message: 'Ledgerline may not open the Ledger.',
    remedy: UDEV_REMEDY,
  },
};

// node-hid reports a permission problem only through its message text.
const ACCESS_DENIED = /EACCES|LIBUSB_ERROR_ACCESS|cannot open device/i;

/** Turns whatever a Ledger call threw into the DeviceError the user can act on. */
export function toDeviceError(error: unknown): DeviceError {
  if (error instanceof DeviceError) return error;
  const row = rowFor(error);
  if (row) return new DeviceError(row.state, row.message, row.remedy, { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new DeviceError(
    'error',
    `The Ledger request failed: ${detail}`,
    'Unplug the Ledger, plug it back in and try again.',
    {
      cause: error,
    },
  );
}

function rowFor(error: unknown): StatusRow | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, name, message } = error as { statusCode?: unknown; name?: unknown; message?: unknown };
  if (typeof statusCode === 'number') return LEDGER_STATUS_WORDS[statusCode];
  if (typeof name === 'string' && name in LEDGER_TRANSPORT_ERRORS) return LEDGER_TRANSPORT_ERRORS[name];
  if (typeof message === 'string' && ACCESS_DENIED.test(message)) return LEDGER_TRANSPORT_ERRORS.AccessDenied;
  return undefined;
}
