// zod's mini build, as in bridge.ts: the renderer checks every answer from the first screen on.
import * as z from 'zod/mini';

/**
 * Every call answers with an envelope instead of throwing: Electron's IPC flattens thrown errors into a
 * string, and the WebSocket bridge cannot carry them at all, so failures travel as data with a stable code.
 */
export const ErrorCode = z.enum([
  'forbidden_sender',
  'unknown_channel',
  'invalid_request',
  'invalid_response',
  'invalid_state',
  'internal',
  'conflict',
  'not_found',
  'backup_invalid',
  'keychain_unavailable',
  'keychain_locked',
  'vault_key_missing',
  'vault_tampered',
  'not_a_token',
  'chain_unavailable',
  'cannot_sign',
  'chain_mismatch',
  'device_unavailable',
  'device_rejected',
  'device_error',
  'signature_mismatch',
  'cancelled',
  'pairing_failed',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The raw text behind a failure may be long and is never trusted to be short: it is cut to this. */
export const MAX_FAILURE_DETAIL = 2000;

/**
 * `message` is always a sentence written for the user, saying what to do; `detail` is the raw text behind it
 * (a node's answer, a library's error), for a "Details" disclosure and for bug reports, never shown as the
 * message itself.
 */
export const ApiFailure = z.strictObject({
  code: ErrorCode,
  message: z.string().check(z.minLength(1)),
  detail: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_FAILURE_DETAIL))),
});
export type ApiFailure = z.infer<typeof ApiFailure>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

export const Envelope = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ApiFailure }),
]);

export interface ApiErrorOptions extends ErrorOptions {
  /** The raw text behind the failure (a node's answer, a library's error), shown only under "Details". */
  detail?: string;
}

/**
 * Thrown by services for a failure the user should read and act on: `message` is a sentence saying what to
 * do, and the router passes it and the code to the page. Raw text belongs in `detail` (or the cause), which
 * the router logs and hands over only as the failure's detail. Anything else is reported as `internal`.
 */
export class ApiError<Code extends ErrorCode = ErrorCode> extends Error {
  readonly detail: string | undefined;

  constructor(
    readonly code: Code,
    message: string,
    options?: ApiErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiError';
    this.detail = options?.detail;
  }
}
