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
const ENABLE_BLIND_SIGNING =
  'In the Ethereum app on the Ledger, open Settings and enable Blind signing, then try again.';

/** The Ledger exchanges this wallet makes: a status word means different things to different commands. */
export type LedgerCommand =
  /** `E0 02`, plain or shown on the screen. */
  | 'address'
  /** `B0 01` then `E0 06`, when a device is probed. */
  | 'configuration'
  /** `E0 04` for a transaction without contract data. */
  | 'transaction'
  /** `E0 04` for a transaction that carries contract data, which the app signs only with blind signing on. */
  | 'contract-call'
  /** `E0 08`. */
  | 'personal-message'
  /** `B0 01`, then `E0 1A`/`E0 1C`/`E0 1E` and `E0 0C`. */
  | 'typed-data';

const row = (state: DeviceState, message: string, remedy: string | null): StatusRow => ({
  state,
  message,
  remedy,
});
const REJECTED = row('rejected', 'The request was rejected on the Ledger.', null);
const LOCKED = row('locked', 'The Ledger is locked.', 'Enter your PIN on the Ledger.');
const APP_CLOSED = row('app_closed', 'The Ethereum app is not open on the Ledger.', OPEN_ETHEREUM);
const INVALID_DATA = row(
  'error',
  'The Ethereum app refused the request as invalid data.',
  'Update the Ethereum app with Ledger Live, then try again.',
);

/**
 * What each status word means whatever the command, checked against Ledger's published lists: the Ethereum
 * app's "Status Words" (LedgerHQ/app-ethereum doc/ethapp.adoc), the `StatusCodes` of @ledgerhq/errors
 * (6.37), and Ledger's support table of the words its firmware answers outside an app (0x6511, 0x6a15,
 * 0x6b0c). Several words share a meaning because firmware versions disagree on how to say it.
 */
export const LEDGER_STATUS_WORDS: Readonly<Record<number, StatusRow>> = {
  0x6985: REJECTED, // CONDITIONS_OF_USE_NOT_SATISFIED: the user pressed Reject
  0x5501: REJECTED, // USER_REFUSED_ON_DEVICE: the same on recent firmware screens
  0x5515: LOCKED, // LOCKED_DEVICE
  0x6b0c: LOCKED, // the lock screen's answer on older firmware
  // SECURITY_STATUS_NOT_SATISFIED: @ledgerhq/errors reads it as a locked device (or missing rights);
  // older Ethereum apps also answered it when the device locked during a request.
  0x6982: row('locked', 'The Ledger is locked or refused the request.', 'Unlock the Ledger and try again.'),
  0x6d00: APP_CLOSED, // INS_NOT_SUPPORTED: the dashboard of older firmware (see the typed-data override)
  0x6511: APP_CLOSED, // the dashboard of recent firmware: no app is open
  0x6e00: APP_CLOSED, // CLA_NOT_SUPPORTED: nothing that speaks the Ethereum app's CLA is open
  0x6e01: APP_CLOSED, // CLA_NOT_SUPPORTED_BOOTLOADER
  0x6d02: APP_CLOSED, // UNKNOWN_APDU: the dashboard of recent firmware
  0x6a15: row('wrong_app', 'Another app is open on the Ledger.', 'Close it and open the Ethereum app.'),
  0x6a80: INVALID_DATA, // INCORRECT_DATA (see the contract-call override)
};

/** Where a command gives a status word its own meaning. */
export const LEDGER_COMMAND_STATUS_WORDS: Readonly<
  Record<LedgerCommand, Readonly<Record<number, StatusRow>>>
> = {
  address: {},
  configuration: {},
  transaction: {
    0x6501: row(
      'outdated_app',
      'This Ethereum app version cannot sign this transaction type.',
      'Update the Ethereum app with Ledger Live, then try again.',
    ),
  },
  'contract-call': {
    // The app answers 0x6a80 to contract data only while its Blind signing setting is off.
    0x6a80: row(
      'blind_signing_required',
      'The Ethereum app refused data it cannot display.',
      ENABLE_BLIND_SIGNING,
    ),
    0x6501: row(
      'outdated_app',
      'This Ethereum app version cannot sign this transaction type.',
      'Update the Ethereum app with Ledger Live, then try again.',
    ),
  },
  'personal-message': {},
  'typed-data': {
    // The app is known to be open by then (B0 01), so an unknown instruction is an app too old for EIP-712.
    0x6d00: row(
      'outdated_app',
      'This Ethereum app version cannot sign typed data.',
      'Update the Ethereum app with Ledger Live, then try again.',
    ),
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
  AccessDenied: {
    state: 'access_denied',
    message: 'Ledgerline may not open the Ledger.',
    remedy: UDEV_REMEDY,
  },
};

// node-hid reports a permission problem only through its message text.
const ACCESS_DENIED = /EACCES|LIBUSB_ERROR_ACCESS|cannot open device/i;

/** Turns whatever a Ledger command threw into the DeviceError the user can act on. */
export function toDeviceError(error: unknown, command: LedgerCommand): DeviceError {
  if (error instanceof DeviceError) return error;
  const found = rowFor(error, command);
  if (found) return new DeviceError(found.state, found.message, found.remedy, { cause: error });
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

// hw-app-eth throws this in place of any 0x6a80 to a transaction, contract data or not.
const RENAMED_INCORRECT_DATA = 'EthAppPleaseEnableContractData';

function rowFor(error: unknown, command: LedgerCommand): StatusRow | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, name, message } = error as { statusCode?: unknown; name?: unknown; message?: unknown };
  const status = name === RENAMED_INCORRECT_DATA ? 0x6a80 : statusCode;
  if (typeof status === 'number')
    return LEDGER_COMMAND_STATUS_WORDS[command][status] ?? LEDGER_STATUS_WORDS[status];
  if (typeof name === 'string' && name in LEDGER_TRANSPORT_ERRORS) return LEDGER_TRANSPORT_ERRORS[name];
  if (typeof message === 'string' && ACCESS_DENIED.test(message)) return LEDGER_TRANSPORT_ERRORS.AccessDenied;
  return undefined;
}
