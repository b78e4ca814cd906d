import { ApiError } from '../../shared/api/envelope';

export type ChainsErrorCode = 'invalid_request' | 'not_found' | 'conflict' | 'not_a_token';

/** A failure the user can act on, with a message written for them; the router passes both to the page. */
export class ChainsError extends ApiError<ChainsErrorCode> {
  override name = 'ChainsError';
}
