import { z } from 'zod';

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

export const ApiFailure = z.strictObject({
  code: ErrorCode,
  message: z.string().min(1),
});
export type ApiFailure = z.infer<typeof ApiFailure>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

export const Envelope = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ApiFailure }),
]);

/**
 * Thrown by services for a failure the user should read and act on; the router passes its code and message
 * to the page. Anything else is reported as `internal`, with its details kept in main's log.
 */
export class ApiError<Code extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}
