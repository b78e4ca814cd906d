/**
 * Sync input from another device (or a folder, or a relay) that cannot be trusted: the op or stamp is skipped
 * and the message says why in words, for the user to see among the sync problems.
 */
export class SyncInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncInputError';
  }
}
