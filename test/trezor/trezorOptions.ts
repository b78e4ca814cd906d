import type { Features } from '@trezor/connect';
import { TEST_MNEMONIC } from '../signing/fixtures';

/** The enum's values as plain strings, so a test can write 'T1B1'. */
export type TrezorModel = `${Features['internal_model']}`;

/** How a test Trezor is set up; the API fake and the bridge's emulated device take the same options. */
export interface TrezorOptions {
  /** `internal_model`: T1B1 (Model One, signs typed data from hashes only), T2T1, T3T1… Default T2T1. */
  model?: TrezorModel;
  label?: string;
  /** The matrix positions accepted as the PIN; with one set, the Trezor starts locked and asks. */
  pin?: string;
  /** Passphrase protection: asked once per session, and each passphrase opens its own wallet. */
  passphrase?: boolean;
  /** The first firmware version reported. */
  firmware?: [number, number, number];
  /** Another seed than the public test mnemonic, to stand beside a Ledger emulator as a device of its own. */
  mnemonic?: string;
}

export type SettledTrezorOptions = Required<Omit<TrezorOptions, 'pin'>> & { pin: string | null };

export function settleTrezorOptions(options: TrezorOptions): SettledTrezorOptions {
  return {
    model: options.model ?? 'T2T1',
    label: options.label ?? 'My Trezor',
    pin: options.pin ?? null,
    passphrase: options.passphrase ?? false,
    firmware: options.firmware ?? [2, 8, 7],
    mnemonic: options.mnemonic ?? TEST_MNEMONIC,
  };
}
