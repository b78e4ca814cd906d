import type { HardwareKind } from '../../shared/devices';
import type { DeviceActivity, Signer } from './signer';

/** What the device reports about itself when asked, before any key is read. */
export interface DeviceProbe {
  /** The app open on the device (Ledger), or the firmware (Trezor); null when the device cannot say. */
  app: { name: string; version: string } | null;
  /** The Ethereum app's blind-signing setting; null where the device has none. */
  blindSigning: boolean | null;
  /** Whether EIP-712 can be clear-signed (struct definitions and values shown); else it is signed hashed. */
  clearSignsTypedData: boolean;
}

/** One plugged-in device. Its signer sends one request at a time only because the caller queues them. */
export interface ConnectedDevice {
  /** Stable while plugged in; the same device plugged back in gets the same id where the platform allows. */
  id: string;
  kind: HardwareKind;
  /** "Nano S Plus", "Trezor Safe 3"; null when unknown. */
  model: string | null;
  /** The name the user gave the device (Trezor), else null. */
  label: string | null;
  signer: Signer;
  /** Asks the device what is open and how it is set. Throws a DeviceError naming the state when it cannot. */
  probe(): Promise<DeviceProbe>;
}

export interface DeviceSourceListener {
  attached(device: ConnectedDevice): void;
  detached(id: string): void;
  /** A device's state changed on its own (locked, PIN asked, waiting for a button) while a request runs. */
  activity(id: string, activity: DeviceActivity): void;
  /** A device is present but cannot be opened (Linux udev permissions, another app holding it). */
  unavailable(id: string, kind: HardwareKind, activity: DeviceActivity): void;
}

/** Watches one kind of hardware: Ledger over HID, Trezor through @trezor/connect. */
export interface DeviceSource {
  readonly kind: HardwareKind;
  start(listener: DeviceSourceListener): Promise<void>;
  /** Forwards the user's PIN (matrix positions) or passphrase; null cancels. Only Trezor asks. */
  answer?(id: string, request: 'pin' | 'passphrase', value: string | null): void;
  stop(): Promise<void>;
}
