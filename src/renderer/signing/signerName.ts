import type { SignerRef } from '../../shared/devices';
import { deviceName, shortFingerprint } from '../devices/deviceNames';

/** "Ledger Cold storage (f00dbabe)": kind, label and fingerprint, so two devices of one kind never blur. */
export function signerName(signer: SignerRef): string {
  return `${deviceName(signer)} (${shortFingerprint(signer.fingerprint)})`;
}
