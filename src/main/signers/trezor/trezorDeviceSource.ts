import type {
  Device,
  DeviceEventMessage,
  DeviceUniquePath,
  TransportEventMessage,
  UiEventMessage,
} from '@trezor/connect';
import type { DeviceActivity } from '../signer';
import type { DeviceSource, DeviceSourceListener } from '../deviceSource';
import { createTrezorConnect, type TrezorConnectApi } from './trezorConnectApi';
import { trezorError } from './trezorErrors';
import {
  DEVICE_CHANGED,
  DEVICE_CONNECT,
  DEVICE_CONNECT_UNACQUIRED,
  DEVICE_DISCONNECT,
  DEVICE_EVENT_NAME,
  RECEIVE_PASSPHRASE,
  RECEIVE_PIN,
  TRANSPORT_ERROR,
  TRANSPORT_EVENT_NAME,
  UI_EVENT_NAME,
  UI_REQUEST_BUTTON,
  UI_REQUEST_PASSPHRASE,
  UI_REQUEST_PIN,
} from './trezorEvents';
import { trezorModelName } from './trezorModel';
import { TrezorSigner } from './trezorSigner';

export interface TrezorDeviceSourceOptions {
  /** The TrezorConnect to use; without one, `start` initialises the real one and `stop` disposes it. */
  connect?: TrezorConnectApi;
  udpEmulator?: boolean;
  /** A Trezor Bridge on this loopback port instead of USB; see TrezorConnectOptions. */
  bridgePort?: number;
}

/** The id under which a USB-level failure is reported when no device could be read at all. */
export const TREZOR_TRANSPORT_ID = 'trezor-usb';

/** Watches Trezors through TrezorConnect and relays its PIN, passphrase and button requests. */
export class TrezorDeviceSource implements DeviceSource {
  readonly kind = 'trezor';
  private connect: TrezorConnectApi | null;
  private readonly ownsConnect: boolean;
  private listener: DeviceSourceListener | null = null;
  /** Wallet id announced for each TrezorConnect path, with the label it was announced under. */
  private readonly announced = new Map<
    DeviceUniquePath,
    { id: string; label: string | null; usable: boolean; signer?: TrezorSigner }
  >();

  constructor(private readonly options: TrezorDeviceSourceOptions = {}) {
    this.connect = options.connect ?? null;
    this.ownsConnect = options.connect === undefined;
  }

  async start(listener: DeviceSourceListener): Promise<void> {
    this.listener = listener;
    if (this.connect) this.subscribe(this.connect);
    else {
      this.connect = await createTrezorConnect({
        udpEmulator: this.options.udpEmulator ?? false,
        ...(this.options.bridgePort === undefined ? {} : { bridgePort: this.options.bridgePort }),
        subscribe: (connect) => this.subscribe(connect),
      });
    }
  }

  /** TrezorConnect has one PIN or passphrase request open at a time, so the id only names it for the user. */
  answer(_id: string, request: 'pin' | 'passphrase', value: string | null): void {
    const connect = this.connect;
    if (!connect) return;
    if (value === null) connect.cancel();
    else if (request === 'pin') connect.uiResponse({ type: RECEIVE_PIN, payload: value });
    else connect.uiResponse({ type: RECEIVE_PASSPHRASE, payload: { value, save: false } });
  }

  async stop(): Promise<void> {
    const connect = this.connect;
    if (connect) {
      connect.off(DEVICE_EVENT_NAME, this.onDevice);
      connect.off(UI_EVENT_NAME, this.onUi);
      connect.off(TRANSPORT_EVENT_NAME, this.onTransport);
      if (this.ownsConnect) {
        connect.dispose();
        this.connect = null;
      }
    }
    this.listener = null;
    for (const { signer } of this.announced.values()) signer?.disconnected();
    this.announced.clear();
  }

  private subscribe(connect: TrezorConnectApi): void {
    connect.on(DEVICE_EVENT_NAME, this.onDevice);
    connect.on(UI_EVENT_NAME, this.onUi);
    connect.on(TRANSPORT_EVENT_NAME, this.onTransport);
  }

  private readonly onDevice = (event: DeviceEventMessage): void => {
    if (event.type === DEVICE_DISCONNECT) this.gone(event.payload.path);
    else if (
      event.type === DEVICE_CONNECT ||
      event.type === DEVICE_CONNECT_UNACQUIRED ||
      event.type === DEVICE_CHANGED
    ) {
      this.present(event.payload);
    }
  };

  private readonly onUi = (event: UiEventMessage): void => {
    if (event.type === UI_REQUEST_PIN) this.activity(event.payload.device, { state: 'pin_requested' });
    else if (event.type === UI_REQUEST_PASSPHRASE)
      this.activity(event.payload.device, { state: 'passphrase_requested' });
    else if (event.type === UI_REQUEST_BUTTON)
      this.activity(event.payload.device, { state: 'awaiting_confirmation' });
  };

  private readonly onTransport = (event: TransportEventMessage): void => {
    if (event.type !== TRANSPORT_ERROR) return;
    const error = trezorError(event.payload);
    if (error.state === 'access_denied') {
      this.listener?.unavailable(TREZOR_TRANSPORT_ID, 'trezor', {
        state: error.state,
        detail: error.remedy ?? error.message,
      });
    }
  };

  private present(device: Device): void {
    const listener = this.listener;
    const connect = this.connect;
    if (!listener || !connect) return;
    const trouble = troubleWith(device);
    if (trouble) {
      this.announce(device.path, device.path, null, false);
      listener.unavailable(device.path, 'trezor', trouble);
      return;
    }
    if (device.type !== 'acquired') return;
    const id = device.id ?? device.path;
    const label = device.label || null;
    const previous = this.announced.get(device.path);
    // A change event also follows every unlock and request; only a new id or label is news.
    if (previous?.usable && previous.id === id && previous.label === label) return;
    const internalModel = device.features.internal_model;
    const signer = new TrezorSigner(connect, { path: device.path, internalModel });
    this.announce(device.path, id, label, true, signer);
    listener.attached({
      id,
      kind: 'trezor',
      model: trezorModelName(internalModel),
      label,
      signer,
      probe: () => signer.probe(),
    });
  }

  /** Records what the path is announced as, retracting an earlier announcement under another id. */
  private announce(
    path: DeviceUniquePath,
    id: string,
    label: string | null,
    usable: boolean,
    signer?: TrezorSigner,
  ): void {
    const previous = this.announced.get(path);
    if (previous && previous.id !== id) {
      previous.signer?.disconnected();
      this.listener?.detached(previous.id);
    }
    this.announced.set(path, { id, label, usable, ...(signer ? { signer } : {}) });
  }

  private gone(path: DeviceUniquePath): void {
    const previous = this.announced.get(path);
    this.announced.delete(path);
    // TrezorConnect would hold a request for the missing device until it comes back; fail it now instead.
    previous?.signer?.disconnected();
    if (previous) this.listener?.detached(previous.id);
  }

  private activity(device: Device, activity: DeviceActivity): void {
    this.listener?.activity(this.announced.get(device.path)?.id ?? device.path, activity);
  }
}

/** Why a device that TrezorConnect sees cannot be used yet, or null when it can. */
function troubleWith(device: Device): DeviceActivity | null {
  if (device.type === 'unreadable') {
    const error = trezorError(device.error);
    return { state: error.state, detail: error.remedy ?? error.message };
  }
  if (device.type === 'unacquired' || device.status === 'occupied' || device.status === 'used') {
    return {
      state: 'busy',
      detail:
        'Another application (Trezor Suite, a browser wallet) is using the Trezor. Close it, then replug the Trezor.',
    };
  }
  if (device.mode === 'bootloader') {
    return {
      state: 'busy',
      detail: 'The Trezor is in bootloader mode. Unplug it and plug it back in without touching it.',
    };
  }
  if (device.mode === 'initialize' || device.mode === 'seedless') {
    return { state: 'error', detail: 'The Trezor has no wallet yet. Set it up in Trezor Suite first.' };
  }
  return null;
}
