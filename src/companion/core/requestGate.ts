import { requestDigest } from './phoneKeys';
import type { AnsweredRequest } from './phoneState';
import type { SignRequestMessage } from './signRequest';
import { RequestError, requestTransaction } from './signRequest';

export type RequestCheck =
  /** Show it to the user; store `digest` with the answer. */
  | { kind: 'new'; digest: string }
  /** Already answered with this very content: send the same answer again without asking. */
  | { kind: 'repeat'; answer: AnsweredRequest };

/**
 * Decides what to do with an incoming request before anything is shown. A repeat is answered even after
 * expiry, because the desktop retrying a lost answer must get the signature the user already gave.
 */
export function checkRequest(
  request: SignRequestMessage,
  answered: readonly AnsweredRequest[],
  now: number,
): RequestCheck {
  const digest = requestDigest(requestTransaction(request));
  const previous = answered.find((answer) => answer.id === request.id);
  if (previous) {
    if (previous.digest !== digest) {
      throw new RequestError(
        'request_conflict',
        'The desktop reused a request id for a different transaction. Nothing was signed.',
      );
    }
    return { kind: 'repeat', answer: previous };
  }
  if (now >= request.expiresAt) {
    throw new RequestError('request_expired', 'This request has expired; send it again from the desktop.');
  }
  return { kind: 'new', digest };
}
