import { ApiError } from '../../shared/api/envelope';

export type VaultErrorCode =
  'keychain_unavailable' | 'keychain_locked' | 'vault_key_missing' | 'vault_tampered';

/** Each comes with a message that says what the user can do; the router passes both to the page. */
export class VaultError extends ApiError<VaultErrorCode> {
  override name = 'VaultError';
}
