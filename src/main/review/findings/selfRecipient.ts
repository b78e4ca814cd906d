import type { Finding } from '../../../shared/review';
import { finding } from './finding';
import { type ReviewFacts, transferRecipient } from './reviewFacts';

/** Sending to oneself is allowed (it is how some people test), but it only costs the fee. */
export function selfRecipient(facts: Pick<ReviewFacts, 'action' | 'from'>): Finding | null {
  const recipient = transferRecipient(facts.action);
  if (!recipient || recipient.address !== facts.from) return null;
  return finding(
    'self-recipient',
    'info',
    'This sends to the sending account itself: nothing moves, and only the fee is spent.',
  );
}
