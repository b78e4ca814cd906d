import type { HistoryEntryView } from '../../shared/history';
import { deviceName } from '../devices/deviceNames';

const SIGNED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Signed on Ledger Nano X (f00dbabe) · 14 Nov 2023, 22:03": which of the user's devices signed, and when. */
export function signedByText(signedBy: NonNullable<HistoryEntryView['signedBy']>): string {
  // Named as on the Devices page, so the user recognises the device.
  const name =
    signedBy.kind === 'phone' ? signedBy.label : deviceName({ kind: signedBy.kind, label: signedBy.label });
  return `Signed on ${name} (${signedBy.fingerprint}) · ${SIGNED_AT.format(signedBy.signedAt)}`;
}
