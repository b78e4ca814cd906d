import { ZodError } from 'zod';
import { amountWords } from '../../shared/format/amountWords';
import { PairingError } from '../../shared/pairing/pairingError';

/** "0x1234…abcd": enough to recognise an address, with the full one a tap away. */
export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/**
 * A balance change in the desktop's words: "−100 TKN", "+0.5 ETH", "+1 PUNK #7804" (shared/format/amountWords.ts
 * writes both); `exact` keeps every digit for the title.
 */
export function formatBalanceDelta(change: {
  delta: string;
  decimals: number;
  symbol: string;
  tokenId: string | null;
}): { text: string; exact: string } {
  const unit = `${change.symbol}${change.tokenId === null ? '' : ` #${change.tokenId}`}`;
  const words = amountWords(BigInt(change.delta), change.decimals, unit, { signed: true });
  return { text: words.text, exact: words.title };
}

/** "123 456": two groups of three are easier to compare between two screens. */
export function formatCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export function formatTimeLeft(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return new Date(then).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export interface Problem {
  title: string;
  detail: string;
  /** What the user can do about it. */
  next: string;
}

const RESCAN = 'On the desktop, open Pairing, show a new QR code and scan it with this phone.';

/** Pairing failures in plain words, each with a way forward. */
export function pairingProblem(error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  if (!(error instanceof PairingError)) return { title: 'Pairing failed', detail, next: RESCAN };
  switch (error.code) {
    case 'invite_expired':
      return { title: 'This QR code expired', detail, next: RESCAN };
    case 'invalid_invite':
      return { title: 'This is not a pairing QR code', detail, next: RESCAN };
    case 'relay_refused':
      return { title: 'This QR code cannot be used', detail, next: RESCAN };
    case 'relay_unreachable':
      return {
        title: 'The desktop cannot be reached',
        detail,
        next: 'Check that this phone is on the same Wi-Fi as the desktop and that Ledgerline shows its QR code, then scan again.',
      };
    case 'codes_differ':
      return {
        title: 'The codes did not match',
        detail,
        next: 'Nothing was saved. Someone may be between this phone and the desktop: make sure both are on your own network, then pair again.',
      };
    default:
      return { title: 'Pairing failed', detail, next: RESCAN };
  }
}

/** Errors from the phone's own modules carry user-facing words; anything else gets a plain sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && !(error instanceof ZodError)) return error.message;
  return 'Something went wrong on this phone and nothing was changed. Try again.';
}
