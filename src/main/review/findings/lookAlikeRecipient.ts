import type { Finding } from '../../../shared/review';
import type { ChecksumAddress } from '../../store/address';
import { partyName } from '../parties';
import { finding } from './finding';
import { type ReviewFacts, transferRecipient } from './reviewFacts';

/** Wallets shorten addresses to their first and last few characters, which is all most people compare. */
const SHOWN_HEX_CHARS = 4;

/**
 * Two different addresses with the same first and last four hex characters (case-insensitive). Address
 * poisoners generate such lookalikes of a user's real counterparties, cheaply for eight characters, so a
 * match that differs in the middle is a warning sign, whichever of the two is being sent to.
 */
export function looksAlike(a: string, b: string): boolean {
  const x = a.toLowerCase().slice(2);
  const y = b.toLowerCase().slice(2);
  return (
    x !== y &&
    x.slice(0, SHOWN_HEX_CHARS) === y.slice(0, SHOWN_HEX_CHARS) &&
    x.slice(-SHOWN_HEX_CHARS) === y.slice(-SHOWN_HEX_CHARS)
  );
}

/** Address poisoning: the recipient looks like, but is not, an address from the account's history. */
export function lookAlikeRecipient(facts: Pick<ReviewFacts, 'action' | 'knownAddresses'>): Finding | null {
  const recipient = transferRecipient(facts.action);
  if (!recipient) return null;
  const lookalike: ChecksumAddress | undefined = facts.knownAddresses.find((known) =>
    looksAlike(known, recipient.address),
  );
  if (!lookalike) return null;
  return finding(
    'look-alike-recipient',
    'warning',
    `${partyName(recipient)} starts and ends like ${lookalike} from your history, but differs in the middle. ` +
      'Scammers send dust from such look-alikes so that one gets copied by mistake: compare every character.',
    {
      facts: [
        { label: 'Sending to', value: recipient.address },
        { label: 'From your history', value: lookalike },
      ],
    },
  );
}
