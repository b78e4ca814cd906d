import type { Finding } from '../../../shared/review';
import { finding } from './finding';
import type { ReviewFacts } from './reviewFacts';

/** How many missing nonces a message lists before it says "and more". */
const LISTED = 3;

/**
 * A nonce above the node's pending count waits, unmined, until every nonce below it is used. The wallet's own
 * open transactions fill the space they cover, so only nonces nobody is sending make a gap.
 */
export function nonceGap(
  facts: Pick<ReviewFacts, 'nonce' | 'pendingNonce' | 'ownOpenNonces'>,
): Finding | null {
  const { nonce, pendingNonce } = facts;
  if (nonce <= pendingNonce) return null;
  const open = new Set(facts.ownOpenNonces);
  const missing: number[] = [];
  for (let candidate = pendingNonce; candidate < nonce && missing.length <= LISTED; candidate += 1) {
    if (!open.has(candidate)) missing.push(candidate);
  }
  if (missing.length === 0) return null;
  const listed =
    missing.length > LISTED ? `${missing.slice(0, LISTED).join(', ')} and more` : missing.join(', ');
  return finding(
    'nonce-gap',
    'warning',
    `This transaction uses nonce ${nonce}, but nothing is being sent with ${missing.length === 1 ? 'nonce' : 'nonces'} ${listed}. ` +
      `It will wait, unmined, until transactions with those are sent; use nonce ${pendingNonce} unless you mean to.`,
    {
      facts: [
        { label: 'Nonce', value: String(nonce) },
        { label: 'Next on the network', value: String(pendingNonce) },
      ],
    },
  );
}
