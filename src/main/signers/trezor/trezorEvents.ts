import type {
  DEVICE,
  DEVICE_EVENT,
  TRANSPORT,
  TRANSPORT_EVENT,
  UI,
  UI_EVENT,
  UI_RESPONSE,
} from '@trezor/connect';

/*
 * TrezorConnect's event and response names, typed against the package's own constants so a rename breaks the
 * build. They are spelled out rather than imported because loading @trezor/connect also loads the native
 * `usb` module; only createTrezorConnect loads it, when the app asks for Trezor support.
 */
export const DEVICE_EVENT_NAME: typeof DEVICE_EVENT = 'DEVICE_EVENT';
export const UI_EVENT_NAME: typeof UI_EVENT = 'UI_EVENT';
export const TRANSPORT_EVENT_NAME: typeof TRANSPORT_EVENT = 'TRANSPORT_EVENT';

export const DEVICE_CONNECT: typeof DEVICE.CONNECT = 'device-connect';
export const DEVICE_CONNECT_UNACQUIRED: typeof DEVICE.CONNECT_UNACQUIRED = 'device-connect_unacquired';
export const DEVICE_CHANGED: typeof DEVICE.CHANGED = 'device-changed';
export const DEVICE_DISCONNECT: typeof DEVICE.DISCONNECT = 'device-disconnect';

export const UI_REQUEST_PIN: typeof UI.REQUEST_PIN = 'ui-request_pin';
export const UI_REQUEST_PASSPHRASE: typeof UI.REQUEST_PASSPHRASE = 'ui-request_passphrase';
export const UI_REQUEST_BUTTON: typeof UI.REQUEST_BUTTON = 'ui-button';

export const RECEIVE_PIN: typeof UI_RESPONSE.RECEIVE_PIN = 'ui-receive_pin';
export const RECEIVE_PASSPHRASE: typeof UI_RESPONSE.RECEIVE_PASSPHRASE = 'ui-receive_passphrase';

export const TRANSPORT_ERROR: typeof TRANSPORT.ERROR = 'transport-error';
