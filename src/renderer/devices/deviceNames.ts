import type { SigningKind } from '../../shared/devices';

export const KIND_NAMES: Record<SigningKind, string> = { ledger: 'Ledger', trezor: 'Trezor', phone: 'Phone' };

/** A fingerprint short enough for a badge; the full one is always in a title or a copy button. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.length > 8 ? `${fingerprint.slice(0, 8)}…` : fingerprint;
}

/**
 * How a device is named wherever the user must tell devices apart: its kind, and its label unless that only
 * repeats the model ("Trezor Model T" needs no "Trezor" in front). A phone is named by the user on the
 * phone itself ("Alice's phone"), so its label stands alone.
 */
export function deviceName(device: { kind: SigningKind; label: string }): string {
  const kind = KIND_NAMES[device.kind];
  if (!device.label) return kind;
  if (device.kind === 'phone') return device.label;
  return device.label.toLowerCase().startsWith(kind.toLowerCase()) ? device.label : `${kind} ${device.label}`;
}
