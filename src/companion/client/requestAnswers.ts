import type { PhoneMessage, SafeSignRequestMessage, SignRequestMessage } from '../../shared/pairing/messages';
import { requestDigest } from '../core/phoneKeys';
import type { PhoneState } from '../core/phoneState';
import { describeRequest } from '../core/requestView';
import { reviewRefusal } from '../core/reviewCheck';
import { safeRequestDigest, safeRequestRefusal } from '../core/safeRequest';
import { refusalReason, requestTransaction } from '../core/signRequest';

/** A request the phone may sign: a transaction of its own account, or a Safe transaction it co-signs. */
export type PhoneRequest = SignRequestMessage | SafeSignRequestMessage;

/** What the phone signs for a request: a transaction's hash, or the Safe transaction hash it computed itself. */
export function requestContentDigest(request: PhoneRequest): string {
  return request.t === 'safeSign' ? safeRequestDigest(request) : requestDigest(requestTransaction(request));
}

const REUSED_ID = 'This request id was used for another transaction.';

/**
 * What the phone says at once to a signing request, or null when the user must decide. A retried id gets
 * the answer given before; the same id with other content is refused, and so is an expired request, one
 * the desktop blocked, one whose review contradicts the transaction, and a Safe request whose hash does not
 * match its transaction or whose owners do not include this phone.
 */
export function immediateAnswer(
  request: PhoneRequest,
  known: {
    answered: PhoneState['answered'];
    /** The request held under the same id, if one is waiting for the user. */
    held: PhoneRequest | undefined;
    now: number;
    /** This phone's address, which a Safe request must list among its owners. */
    phone: string;
  },
): PhoneMessage | null {
  // A Safe request that is not what it claims is refused before anything else, even under a known id.
  if (request.t === 'safeSign') {
    const refusal = safeRequestRefusal(request, known.phone);
    if (refusal) return { t: 'rejected', id: request.id, reason: refusalReason(refusal) };
  }
  const digest = requestContentDigest(request);
  const answered = known.answered.find((entry) => entry.id === request.id);
  if (answered) {
    if (answered.digest !== digest) return { t: 'rejected', id: request.id, reason: REUSED_ID };
    if (answered.signature) return { t: 'signed', id: request.id, signature: answered.signature };
    return { t: 'rejected', id: request.id, reason: 'Rejected on the phone.' };
  }
  if (request.expiresAt <= known.now) {
    return { t: 'rejected', id: request.id, reason: 'The request expired before the phone saw it.' };
  }
  if (known.held && requestContentDigest(known.held) !== digest) {
    return { t: 'rejected', id: request.id, reason: REUSED_ID };
  }
  if (request.t === 'safeSign') return null;
  const refusal = reviewRefusal(request, describeRequest(request, known.now));
  return refusal ? { t: 'rejected', id: request.id, reason: refusal } : null;
}
