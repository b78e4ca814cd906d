import type { Finding, ReviewAmount } from '../../../shared/review';
import { amountWords } from '../action/reviewAmount';
import { finding } from './finding';
import type { ReviewFacts } from './reviewFacts';

/** Sentences name at most this many assets; the balance changes list them all. */
const NAMED = 3;

/**
 * A contract call that, run on the user's own node, takes tokens from the sending account and gives nothing
 * back. It is how a drainer's `claim()` looks, and nothing else in the review would say so in words.
 */
export function handsOverAssets(facts: Pick<ReviewFacts, 'action' | 'senderChanges'>): Finding | null {
  if (facts.action.type !== 'contract-call') return null;
  const changes = facts.senderChanges;
  if (changes.some((change) => change.kind !== 'native' && change.delta > 0n)) return null;
  const lost = changes.filter((change) => change.kind !== 'native' && change.delta < 0n);
  if (lost.length === 0) return null;
  const words = lost.slice(0, NAMED).map((change) => amountWords(asAmount(change)));
  const more = lost.length > NAMED ? ` and ${lost.length - NAMED} more` : '';
  return finding(
    'hands-over-assets',
    'warning',
    `Running this takes ${words.join(', ')}${more} from your account, and no token comes back. A "claim" ` +
      'that does this is how drainers empty wallets: sign only if you mean to give these away.',
    { facts: words.map((value) => ({ label: 'Leaves your account', value })) },
  );
}

function asAmount(change: ReviewFacts['senderChanges'][number]): ReviewAmount {
  return {
    value: (-change.delta).toString(),
    decimals: change.decimals,
    symbol: change.symbol,
    unlimited: false,
  };
}
