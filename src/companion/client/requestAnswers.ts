import type { PhoneMessage, SignRequestMessage } from '../../shared/pairing/messages';
import { requestDigest } from '../core/phoneKeys';
import type { PhoneState } from '../core/phoneState';
import { describeRequest } from '../core/requestView';
import { reviewRefusal } from '../core/reviewCheck';
import { requestTransaction } from '../core/signRequest';

const REUSED_ID = 'This request id was used for another transaction.';

/**
 * What the phone says at once to a signing request, or null when the user must decide. A retried id gets
 * the answer given before; the same id with other content is refused, and so is an expired request, one
 * the desktop blocked, and one whose review contradicts the transaction.
 */
export function immediateAnswer(
  request: SignRequestMessage,
  known: {
    answered: PhoneState['answered'];
    /** The request held under the same id, if one is waiting for the user. */
    held: SignRequestMessage | undefined;
    now: number;
  },
): PhoneMessage | null {
  const digest = requestDigest(requestTransaction(request));
  const answered = known.answered.find((entry) => entry.id === request.id);
  if (answered) {
    if (answered.digest !== digest) return { t: 'rejected', id: request.id, reason: REUSED_ID };
    if (answered.signature) return { t: 'signed', id: request.id, signature: answered.signature };
    return { t: 'rejected', id: request.id, reason: 'Rejected on the phone.' };
  }
  if (request.expiresAt <= known.now) {
    return { t: 'rejected', id: request.id, reason: 'The request expired before the phone saw it.' };
  }
  if (known.held && requestDigest(requestTransaction(known.held)) !== digest) {
    return { t: 'rejected', id: request.id, reason: REUSED_ID };
  }
  const refusal = reviewRefusal(request, describeRequest(request, known.now));
  return refusal ? { t: 'rejected', id: request.id, reason: refusal } : null;
}
