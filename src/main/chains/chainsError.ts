/**
 * `invalid_request` matches the API contract's code; the others are the chains service's own and are
 * proposed for the contract, as the store's are.
 */
export type ChainsErrorCode = 'invalid_request' | 'not_found' | 'conflict' | 'not_a_token';

/** A failure the user can act on, with a message written for them. */
export class ChainsError extends Error {
  constructor(
    readonly code: ChainsErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ChainsError';
  }
}
