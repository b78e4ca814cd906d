import type { LinkStatus } from './linkState';

/** The port the pairing page opens to the service worker, which holds the bridge client. */
export const PAIRING_PORT = 'ledgerline-pairing';

export type PairingRequest = { type: 'pair'; code: string } | { type: 'unpair' };

export type PairingUpdate =
  | { type: 'status'; status: LinkStatus; desktopName: string | null }
  /** The desktop proved it holds the code; the user compares this with the desktop's. */
  | { type: 'sas'; sas: string }
  | { type: 'paired'; desktopName: string }
  | { type: 'failed'; message: string };

/** The longest code the page forwards; a real one is about 143 characters. */
export const MAX_CODE_LENGTH = 300;

export function readPairingRequest(data: unknown): PairingRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, code } = data as Record<string, unknown>;
  if (type === 'unpair') return { type };
  if (type === 'pair' && typeof code === 'string' && code.length <= MAX_CODE_LENGTH) {
    return { type, code: code.trim() };
  }
  return null;
}
