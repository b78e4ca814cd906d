/**
 * Why a pairing step or a frame was refused. Every code reaches the user through `message`, so each one
 * says what happened in words, not which check failed.
 */
export type PairingErrorCode =
  | 'invalid_invite'
  | 'invite_expired'
  | 'handshake_failed'
  | 'replayed_frame'
  | 'tampered_frame'
  | 'malformed_frame'
  | 'message_too_large'
  | 'invalid_message'
  | 'codes_differ'
  | 'revoked'
  | 'unknown_phone'
  | 'relay_refused'
  | 'relay_unreachable'
  | 'request_expired'
  | 'request_conflict';

export class PairingError extends Error {
  constructor(
    readonly code: PairingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PairingError';
  }
}
