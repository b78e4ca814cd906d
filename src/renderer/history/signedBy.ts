import type { HistoryEntryView } from '../../shared/history';

const SIGNED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Signed on Ledger Nano X (f00dbabe) · 14 Nov 2023, 22:03": which of the user's devices signed, and when. */
export function signedByText(signedBy: NonNullable<HistoryEntryView['signedBy']>): string {
  return `Signed on ${signedBy.label} (${signedBy.fingerprint}) · ${SIGNED_AT.format(signedBy.signedAt)}`;
}
