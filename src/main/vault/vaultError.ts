/** Codes proposed for the API contract; each comes with a message that says what the user can do. */
export type VaultErrorCode =
  'keychain_unavailable' | 'keychain_locked' | 'vault_key_missing' | 'vault_tampered';

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'VaultError';
  }
}
