import { type ErrorCode, MAX_FAILURE_DETAIL } from './envelope';

/**
 * What the user should do about each kind of failure, for when the error itself carries no sentence of its
 * own (a library's error, a node's answer, a message that reads as raw text). Each one says what happened in
 * plain words and what to do next; none may name a library, a method or an internal code.
 */
export const USER_ERRORS: Readonly<Record<ErrorCode, string>> = {
  forbidden_sender: 'This request did not come from the wallet’s own window and was refused.',
  unknown_channel:
    'The wallet’s window asked for something this version of the app does not do. Restart the app, and update it if it keeps happening.',
  invalid_request: 'The wallet could not accept what was entered. Check the fields and try again.',
  invalid_response:
    'The wallet hit a problem of its own and did not finish. Try again; if it keeps happening, report it, with the log or the details shown here.',
  invalid_state:
    'This cannot be done right now, because something changed in the meantime. Close this and start again.',
  internal:
    'The wallet hit a problem of its own and did not finish. Try again; if it keeps happening, report it, with the log or the details shown here.',
  conflict:
    'This clashes with something the wallet already holds or has already sent. Check the list, then try again.',
  not_found: 'The wallet no longer has what this refers to. Reload the page and try again.',
  backup_invalid:
    'This file is not a backup this wallet can read, or it is damaged. Nothing was imported; choose another file.',
  keychain_unavailable:
    'The system keychain did not answer. Make sure it is installed and running, then try again.',
  keychain_locked: 'The system keychain is locked. Unlock it, then try again.',
  vault_key_missing:
    'The key that opens the wallet’s secrets is missing from the system keychain. Restore it, or import a backup.',
  vault_tampered:
    'The wallet’s stored secrets do not match their seal and were not used. Import a backup to restore them.',
  not_a_token:
    'That contract does not behave like a token on this network. Check the address and the network.',
  chain_unavailable:
    'The network could not be reached, or refused the request. Check your connection and the network’s RPC address in Settings, then try again.',
  cannot_sign:
    'This account cannot sign: it is watch-only. Use an account on a device or a phone to send from it.',
  chain_mismatch:
    'This belongs to another network than the one in use. Switch to the right network and try again.',
  device_unavailable:
    'The signing device is not ready. Connect and unlock it, open its Ethereum app, then try again.',
  device_rejected: 'The request was declined on the device. Nothing was signed.',
  device_error: 'The signing device reported a problem. Reconnect it and try again.',
  signature_mismatch:
    'The signature from the device does not match this request, so it was not used. Check that the right device is connected, then try again.',
  cancelled: 'The request was cancelled. Nothing was signed or sent.',
  pairing_failed: 'Pairing did not complete. Start pairing again on both devices.',
};

/** The sentence for a kind of failure. */
export function userMessage(code: ErrorCode): string {
  return USER_ERRORS[code];
}

/** A sentence a person could be shown, as far as its shape tells. */
const SENTENCE = /^["“‘(]?[\p{Lu}\p{N}].*[.!?][”’")]?$/su;

/**
 * Marks of text written for programs, not people: a library's `key=value` fields and SCREAMING_CASE codes,
 * JSON-RPC method names and error codes, stack frames, error class prefixes and leaked JS values. A host and
 * port alone is not one: the user typed it, and "127.0.0.1:8545 serves chain 5, not 777." is a sentence.
 */
const RAW_MARKS: readonly RegExp[] = [
  /\b\w+=\S/,
  /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/,
  /\b(?:eth|net|web3|debug|wallet|personal|txpool)_[a-zA-Z]+/,
  /\(code -?\d+\)/,
  /\n\s*at /,
  /\b\w*Error:/,
  /\[object \w+\]|\bundefined\b|\bNaN\b/,
  /[{}]/,
];

/** The longest message a person is asked to read; anything longer is not a sentence but a dump. */
const MAX_SENTENCE = 600;

/**
 * Whether an error's own message can be shown as is. Services write sentences, but some interpolate what a
 * library or node said ("The network would not run this transaction: data out-of-bounds (code=…)"); those
 * are shown as the code's sentence instead, with the message kept as detail.
 */
export function readsAsSentence(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= MAX_SENTENCE &&
    SENTENCE.test(trimmed) &&
    !RAW_MARKS.some((mark) => mark.test(trimmed))
  );
}

/** Raw text cut to what a Details disclosure and the envelope carry, marked where it was cut. */
export function boundDetail(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return trimmed.length > MAX_FAILURE_DETAIL ? `${trimmed.slice(0, MAX_FAILURE_DETAIL - 1)}…` : trimmed;
}
