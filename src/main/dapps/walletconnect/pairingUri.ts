import { parseUri } from '@walletconnect/utils';
import { ApiError } from '../../../shared/api/envelope';

/** A checked WalletConnect v2 pairing link, ready for `pair({ uri })`. */
export interface PairingUri {
  /** The `wc:` link itself, unwrapped from a deep link if it came in one. It holds the symKey: never log it. */
  uri: string;
  /** The pairing's topic (public: the relay routes by it). */
  topic: string;
  /** When the dApp stops waiting for this pairing, in ms; null when the link does not say. */
  expiresAt: number | null;
}

/** As long as the pair call takes, and far more than any link a dApp shows (about 200 characters). */
export const MAX_PAIRING_URI_LENGTH = 2048;
const HEX_32_BYTES = /^[0-9a-f]{64}$/;

const NOT_WALLETCONNECT =
  'That is not a WalletConnect link. Copy the link that starts with "wc:" from the dApp\'s ' +
  '"WalletConnect" option (often under "Copy to clipboard" beside its QR code).';
const refused = (message: string) => new ApiError('invalid_request', message);

/**
 * Reads what a user pastes or a QR code holds: a `wc:` link, with whitespace around it, or the same link
 * carried as the `uri` parameter of a wallet deep link (`https://<wallet>/wc?uri=<encoded wc: link>` or
 * `<scheme>://wc?uri=…`, the form WalletConnect's mobile linking builds). Then checks it as pairing needs it:
 * version 2, the `irn` relay protocol, a 32-byte topic and symKey, and not expired at `now`. No error
 * message quotes the link, since it carries the key.
 */
export function parsePairingUri(text: string, now: number = Date.now()): PairingUri {
  const uri = unwrapPairingUri(text.trim());
  if (uri.length > MAX_PAIRING_URI_LENGTH) {
    throw refused(`That link is longer than ${MAX_PAIRING_URI_LENGTH} characters; no WalletConnect link is.`);
  }
  // parseUri reads anything without "wc:" as base64 first; only links that say what they are get this far.
  if (!uri.startsWith('wc:')) throw refused(NOT_WALLETCONNECT);
  const parsed = parseUri(uri);
  if (parsed.version === 1) {
    throw refused(
      'This is a WalletConnect v1 link, which no longer works: the dApp must offer WalletConnect v2. ' +
        'Reload the dApp and connect again; if it still shows a v1 link, it does not support v2 yet.',
    );
  }
  if (parsed.version !== 2 || !HEX_32_BYTES.test(parsed.topic)) throw refused(NOT_WALLETCONNECT);
  if (typeof parsed.symKey !== 'string' || !HEX_32_BYTES.test(parsed.symKey) || !parsed.relay.protocol) {
    throw refused(
      'This WalletConnect link is incomplete or damaged (its key or relay is missing). Copy it again.',
    );
  }
  if (parsed.relay.protocol !== 'irn') {
    throw refused(
      'This WalletConnect link asks for a relay protocol other than "irn", which this wallet does not speak.',
    );
  }
  const expiresAt = expiry(parsed.expiryTimestamp);
  if (expiresAt !== null && expiresAt <= now) {
    throw refused(
      'This link expired: dApps keep a pairing link for a few minutes. Open the dApp\'s "Connect wallet" ' +
        'again and use the new link.',
    );
  }
  return { uri, topic: parsed.topic, expiresAt };
}

/** The `wc:` link inside a deep link's `uri` parameter, or the text as it is. */
export function unwrapPairingUri(text: string): string {
  if (text.startsWith('wc:') || text.length > MAX_PAIRING_URI_LENGTH * 3) return text;
  let inner: string | null;
  try {
    inner = new URL(text).searchParams.get('uri');
  } catch {
    return text;
  }
  return inner?.startsWith('wc:') ? inner.trim() : text;
}

/** The link gives seconds since 1970 in `expiryTimestamp`; anything else there is damage. */
function expiry(seconds: number | undefined): number | null {
  if (seconds === undefined) return null;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw refused('This WalletConnect link is damaged: its expiry time is not a time. Copy it again.');
  }
  return seconds * 1000;
}
