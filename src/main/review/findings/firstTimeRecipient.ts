import type { Finding } from '../../../shared/review';
import { partyName } from '../parties';
import { finding } from './finding';
import { type ReviewFacts, transferRecipient } from './reviewFacts';

/** A new recipient deserves a second look at the address; the wallet's own accounts and the sender do not. */
export function firstTimeRecipient(
  facts: Pick<ReviewFacts, 'action' | 'from' | 'previousRecipients'>,
): Finding | null {
  const recipient = transferRecipient(facts.action);
  if (!recipient || recipient.source === 'account' || recipient.address === facts.from) return null;
  if (facts.previousRecipients.some((address) => address === recipient.address)) return null;
  return finding(
    'first-time-recipient',
    'warning',
    `You have not sent to ${partyName(recipient)} before. Check the whole address with its owner, ` +
      'not only its first and last characters.',
    { facts: [{ label: 'Recipient', value: recipient.address }] },
  );
}
