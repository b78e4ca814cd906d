import type { DeviceState, HardwareKind } from '../../shared/devices';

export interface StateText {
  message: string;
  remedy: string | null;
}

export const KIND_NAMES: Record<HardwareKind, string> = { ledger: 'Ledger', trezor: 'Trezor' };

/**
 * The words for states a device reports on its own (a PIN asked, a button waited for). Failures carry their
 * own message and remedy in their DeviceError; this is for everything else, and the fallback for both.
 */
export function describeState(kind: HardwareKind, state: DeviceState, detail?: string): StateText {
  const name = KIND_NAMES[kind];
  const app = kind === 'ledger' ? 'the Ethereum app' : 'the device';
  const texts: Record<DeviceState, StateText> = {
    ready: { message: 'Ready to sign.', remedy: null },
    disconnected: {
      message: `Your ${name} is not connected.`,
      remedy: `Plug in your ${name} and unlock it to use its accounts.`,
    },
    locked: { message: `Your ${name} is locked.`, remedy: `Enter your PIN on the ${name}.` },
    app_closed: {
      message: 'The Ethereum app is not open.',
      remedy: `Open the Ethereum app on your ${name}.`,
    },
    wrong_app: {
      message: detail ? `${detail} is open, not Ethereum.` : 'Another app is open on the device.',
      remedy: `Close it and open the Ethereum app on your ${name}.`,
    },
    outdated_app: {
      message: 'The Ethereum app is too old for this request.',
      remedy: `Update the Ethereum app with ${kind === 'ledger' ? 'Ledger Live' : 'Trezor Suite'}.`,
    },
    busy: {
      message: `Your ${name} is busy with another request or another app.`,
      remedy: `Finish or cancel it on the ${name}, and close other wallet apps that use it.`,
    },
    awaiting_confirmation: {
      message: detail ?? `Waiting for you to confirm on your ${name}.`,
      remedy: `Check the details on the ${name}'s screen, then approve or reject there.`,
    },
    rejected: { message: `You rejected the request on your ${name}.`, remedy: null },
    blind_signing_required: {
      message: 'This request needs blind signing, which is turned off.',
      remedy: `Turn on blind signing in the settings of ${app}, sign, then turn it off again.`,
    },
    pin_requested: {
      message: `Your ${name} asks for its PIN.`,
      remedy: `Enter it here by the positions shown on the ${name}'s screen.`,
    },
    passphrase_requested: {
      message: `Your ${name} asks for a passphrase.`,
      remedy: 'Enter it here, or on the device. A different passphrase opens a different wallet.',
    },
    access_denied: {
      message: `This computer does not let the app open your ${name}.`,
      remedy: null,
    },
    error: {
      message: detail ?? `Your ${name} answered with an error.`,
      remedy: 'Unplug it, plug it back in and try again.',
    },
  };
  return texts[state];
}
