import type { Finding } from '../../../shared/review';
import { partyName } from '../parties';
import { finding } from './finding';
import { type ReviewFacts, transferRecipient } from './reviewFacts';

/**
 * Sending to a token's contract, the token being sent or any listed one, is a classic copy-paste mistake:
 * the contract cannot send anything back, so what arrives there is lost.
 */
export function recipientIsToken(facts: Pick<ReviewFacts, 'action' | 'tokenAddresses'>): Finding | null {
  const recipient = transferRecipient(facts.action);
  if (!recipient) return null;
  const ownToken = facts.action.type === 'token-transfer' && facts.action.token.address === recipient.address;
  if (!ownToken && !facts.tokenAddresses.has(recipient.address)) return null;
  return finding(
    'recipient-is-token',
    'warning',
    `${partyName(recipient)} is a token contract, not anyone's account. Whatever is sent to it is almost always ` +
      'lost for good, and nobody can send it back. Copy the address of the person you are paying instead.',
    { facts: [{ label: 'Recipient', value: recipient.address }] },
  );
}
