import type { Finding } from '../../../shared/review';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';
import { partyName } from '../parties';
import { finding } from './finding';
import type { ReviewFacts } from './reviewFacts';

/** EIP-7702: an account's code set to 0xef0100 followed by the 20-byte address it delegates to. */
const DELEGATION = /^0xef0100([0-9a-f]{40})$/i;

/** The contract an EIP-7702-delegated account runs as, or null when the code is not a delegation. */
export function delegateOf(code: string): ChecksumAddress | null {
  const match = DELEGATION.exec(code);
  return match?.[1] ? toChecksumAddress(`0x${match[1].toLowerCase()}`) : null;
}

/**
 * A delegated account runs its delegate's code: that contract can move everything the account holds, and a
 * wallet drainer that got the user to sign an authorization keeps that power until it is revoked.
 */
export function delegatedSender(facts: Pick<ReviewFacts, 'fromCode' | 'parties'>): Finding | null {
  const delegate = delegateOf(facts.fromCode);
  if (!delegate) return null;
  const party = facts.parties?.party(delegate);
  const named = party?.name ? `${partyName(party)} (${delegate})` : delegate;
  return finding(
    'delegated-sender',
    'warning',
    `This account is delegated (EIP-7702) to the contract ${named}, which can act for it and move everything ` +
      'it holds. If you did not set this up yourself, stop and move your assets to a safe account.',
    { facts: [{ label: 'Delegated to', value: delegate }] },
  );
}
