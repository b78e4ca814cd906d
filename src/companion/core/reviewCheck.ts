import { keccak256 } from 'ethers';
import type { PhoneReview } from '../../shared/pairing/phoneReview';
import type { CallView, RequestView } from './requestView';
import { refusalReason, type SignRequestMessage } from './signRequest';

type ActionKind = PhoneReview['action'];

/**
 * What the phone itself reads from `tx`: the kinds of desktop action that agree with it (a desktop that
 * could not decode the call says `contract-call`, which contradicts nothing), the party that receives, may
 * spend or may take, and the token amount.
 */
interface PhoneReading {
  kinds: readonly ActionKind[] | null;
  party: string | null;
  role: 'recipient' | 'spender' | 'operator' | 'party';
  amount: string | null;
}

function phoneReading(call: CallView, to: string | null): PhoneReading {
  switch (call.kind) {
    case 'transfer':
      return { kinds: ['native-transfer', 'cancel'], party: to, role: 'recipient', amount: null };
    case 'token_transfer':
    case 'token_transfer_from':
      return { kinds: ['token-transfer'], party: call.recipient, role: 'recipient', amount: call.rawAmount };
    case 'token_approve':
      return { kinds: ['approval'], party: call.spender, role: 'spender', amount: call.rawAmount };
    case 'approval_for_all':
      return { kinds: ['approval-for-all'], party: call.operator, role: 'operator', amount: null };
    case 'contract_call':
    case 'contract_creation':
      return { kinds: null, party: null, role: 'party', amount: null };
  }
}

const KIND_WORDS: Record<ActionKind, string> = {
  'native-transfer': 'a transfer of the native coin',
  'token-transfer': 'a token transfer',
  approval: 'a token approval',
  'approval-for-all': 'an approval for a whole collection',
  'contract-call': 'a contract call',
  cancel: 'a cancellation',
};
const CALL_WORDS: Record<CallView['kind'], string> = {
  transfer: 'a transfer of the native coin',
  token_transfer: 'a token transfer',
  token_transfer_from: 'a token transfer',
  token_approve: 'a token approval',
  approval_for_all: 'an approval for a whole collection',
  contract_call: 'a contract call',
  contract_creation: 'a contract creation',
};

const sameAddress = (a: string | null, b: string | null) => a?.toLowerCase() === b?.toLowerCase();

/** Where the review is about another transaction than `tx`, in words; null when it is about this one. */
function otherTransaction(review: PhoneReview, request: SignRequestMessage): string | null {
  const { reviewed } = review;
  const { tx } = request;
  if (reviewed.chainId !== request.chainId)
    return `The desktop's review is for chain ${reviewed.chainId}, the transaction for chain ${request.chainId}.`;
  if (!sameAddress(reviewed.to, tx.to))
    return `The desktop's review is for a transaction to ${reviewed.to ?? 'a new contract'}, this one goes to ${tx.to ?? 'a new contract'}.`;
  if (reviewed.value !== tx.value)
    return `The desktop's review sends ${reviewed.value} base units of the coin, the transaction ${tx.value}.`;
  if (reviewed.nonce !== tx.nonce)
    return `The desktop's review is for nonce ${reviewed.nonce}, the transaction has nonce ${tx.nonce}.`;
  if (reviewed.dataHash !== keccak256(tx.data))
    return "The desktop's review is for other call data than the transaction's.";
  return null;
}

/** Where the desktop's decoding disagrees with the phone's own, in words; null when it does not. */
function otherReading(review: PhoneReview, view: RequestView): string | null {
  const reading = phoneReading(view.call, view.to);
  if (reading.kinds && review.action !== 'contract-call' && !reading.kinds.includes(review.action))
    return `The desktop calls this ${KIND_WORDS[review.action]}, the phone reads ${CALL_WORDS[view.call.kind]}.`;
  if (reading.party && review.counterparty && !sameAddress(reading.party, review.counterparty))
    return `The desktop names ${review.counterparty} as ${reading.role}, the phone reads ${reading.party}.`;
  if (reading.amount !== null && review.tokenAmount !== null && reading.amount !== review.tokenAmount)
    return `The desktop reads a token amount of ${review.tokenAmount} base units, the phone ${reading.amount}.`;
  return null;
}

function blockedReason(review: PhoneReview): string {
  const blocking = review.findings.find((finding) => finding.severity === 'blocking');
  return blocking
    ? `Your desktop blocked this: ${blocking.message}`
    : 'Your desktop blocked this transaction.';
}

/**
 * Why the phone refuses a request on the strength of the desktop's review, without asking the user: the
 * desktop blocked it, or its review is about another transaction, or it contradicts what the phone decodes
 * (docs/PROTOCOL.md section 12.2). Null when the user may decide; a request without a review is theirs too.
 */
export function reviewRefusal(request: SignRequestMessage, view: RequestView): string | null {
  const { review } = request;
  if (!review) return null;
  if (review.blocked) return refusalReason(blockedReason(review));
  const contradiction = otherTransaction(review, request) ?? otherReading(review, view);
  return contradiction && refusalReason(contradiction);
}
