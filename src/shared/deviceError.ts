import { ApiError } from './api/envelope';
import type { DeviceState } from './devices';

export type DeviceErrorCode = 'device_unavailable' | 'device_rejected' | 'device_error';

const UNAVAILABLE: ReadonlySet<DeviceState> = new Set([
  'disconnected',
  'locked',
  'app_closed',
  'wrong_app',
  'outdated_app',
  'busy',
  'access_denied',
  'pin_requested',
  'passphrase_requested',
]);

/**
 * A device failure the user can act on. It carries the device state it leaves behind and the remedy, so the
 * Devices page and the signing overlay show the same words as the error.
 */
export class DeviceError extends ApiError<DeviceErrorCode> {
  override name = 'DeviceError';

  constructor(
    readonly state: DeviceState,
    message: string,
    readonly remedy: string | null,
    options?: ErrorOptions,
  ) {
    super(codeFor(state), message, options);
  }
}

function codeFor(state: DeviceState): DeviceErrorCode {
  if (state === 'rejected') return 'device_rejected';
  return UNAVAILABLE.has(state) ? 'device_unavailable' : 'device_error';
}
