/**
 * Why a sync blob, or a sealed key or key ring, was refused. Each code reaches the user through `message`,
 * so each one says in words what happened and what it means, not which check failed.
 */
export type SyncBlobErrorCode = 'unreadable' | 'malformed' | 'unknown_device' | 'bad_signature';

export class SyncBlobError extends Error {
  constructor(
    readonly code: SyncBlobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncBlobError';
  }
}
