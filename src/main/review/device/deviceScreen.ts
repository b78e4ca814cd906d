import type { DeviceScreen } from '../../../shared/review';
import { ledgerScreen } from './ledgerScreen';
import { phoneScreen } from './phoneScreen';
import type { ScreenBody, ScreenInput } from './screenInput';
import { trezorScreen } from './trezorScreen';

export type { ScreenInput } from './screenInput';

const SCREENS: Record<ScreenInput['signer']['kind'], (input: ScreenInput) => ScreenBody> = {
  ledger: ledgerScreen,
  trezor: trezorScreen,
  phone: phoneScreen,
};

/**
 * What the signer's own screen will show for this transaction, in its words, for the user to compare with
 * the review. Worked out from the transaction itself (what the device decodes), not from the review's
 * reading of it, so a disagreement between the two shows.
 */
export function deviceScreen(input: ScreenInput): DeviceScreen {
  const { kind, label, fingerprint } = input.signer;
  return { kind, label, fingerprint, ...SCREENS[kind](input) };
}
