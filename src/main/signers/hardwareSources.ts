import type { DeviceSource } from './deviceSource';
import { LedgerDeviceSource } from './ledger/ledgerDeviceSource';
import { TrezorDeviceSource } from './trezor/trezorDeviceSource';

export interface HardwareOptions {
  /**
   * Trezor Connect fetches firmware release data, and per-chain network definitions when signing, from
   * Trezor's servers, and no setting turns that off; so it is started only where the user's app wants it.
   */
  trezor: boolean;
  /** Also look for a Trezor emulator over UDP on loopback, for firmware developers. */
  trezorEmulator?: boolean;
}

/** The real devices: Ledger over USB HID, and Trezor through @trezor/connect's USB and Bridge transports. */
export function hardwareSources({ trezor, trezorEmulator = false }: HardwareOptions): DeviceSource[] {
  const sources: DeviceSource[] = [new LedgerDeviceSource()];
  if (trezor) sources.push(new TrezorDeviceSource({ udpEmulator: trezorEmulator }));
  return sources;
}
