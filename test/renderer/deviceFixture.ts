import type { AccountView } from '../../src/shared/accounts';
import type { DeviceView, DiscoveryScheme } from '../../src/shared/devices';

export const LEDGER_FINGERPRINT = 'f00dbabe';
export const TREZOR_FINGERPRINT = '7a2e91c4';

export function ledgerDevice(extra: Partial<DeviceView> = {}): DeviceView {
  return {
    id: 'hid:ledger:1',
    kind: 'ledger',
    model: 'Nano S Plus',
    label: 'Cold storage',
    fingerprint: LEDGER_FINGERPRINT,
    connected: true,
    state: 'ready',
    message: 'Ready. The Ethereum app is open.',
    remedy: null,
    app: { name: 'Ethereum', version: '1.11.0' },
    blindSigning: false,
    accounts: 0,
    updatedAt: 1_700_000_000_000,
    ...extra,
  };
}

export function trezorDevice(extra: Partial<DeviceView> = {}): DeviceView {
  return {
    id: 'trezor:1',
    kind: 'trezor',
    model: 'Trezor Model T',
    label: 'Trezor Model T',
    fingerprint: TREZOR_FINGERPRINT,
    connected: true,
    state: 'ready',
    message: 'Ready.',
    remedy: null,
    app: null,
    blindSigning: null,
    accounts: 0,
    updatedAt: 1_700_000_000_000,
    ...extra,
  };
}

const SCHEME_DIGIT: Record<DiscoveryScheme, string> = { 'ledger-live': 'a', bip44: 'b', legacy: 'c' };

/** The path each scheme puts the index at, as main derives it. */
export function schemePath(scheme: DiscoveryScheme, index: number): string {
  if (scheme === 'ledger-live') return `m/44'/60'/${index}'/0/0`;
  if (scheme === 'bip44') return `m/44'/60'/0'/0/${index}`;
  return `m/44'/60'/0'/${index}`;
}

/** A fixed, distinct address per seed, scheme and index, so tests can name the rows they expect. */
export function derivedAddress(fingerprint: string, scheme: DiscoveryScheme, index: number): string {
  const tag = `${SCHEME_DIGIT[scheme]}${index.toString(16).padStart(3, '0')}`;
  // The tag at both ends, so even shortened addresses (0xa001…a001) tell the rows apart.
  return `0x${tag}${fingerprint.padEnd(32, '0').slice(0, 32)}${tag}`;
}

export function deviceAccount(
  id: number,
  device: Pick<DeviceView, 'kind' | 'fingerprint'>,
  scheme: DiscoveryScheme,
  index: number,
  label = '',
): AccountView {
  const fingerprint = device.fingerprint ?? '';
  return {
    id,
    signer: device.kind,
    deviceFingerprint: fingerprint,
    derivationScheme: scheme,
    derivationPath: schemePath(scheme, index),
    address: derivedAddress(fingerprint, scheme, index),
    label,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}
