import type { Finding, Party, ReviewAction } from '../../../shared/review';
import { partyName } from '../parties';
import { finding, hasCode } from './finding';
import type { ReviewFacts } from './reviewFacts';

/**
 * Data for a contract sent where no contract is: a token transfer, an approval or a call to an address without
 * code on this chain does nothing (a call to an empty account succeeds), usually because it is the wrong
 * address or the wrong network. A plain coin send needs no code, so it is not asked about.
 */
export function noCode(
  facts: Pick<ReviewFacts, 'action' | 'to' | 'toCode' | 'chainId' | 'chainName'>,
): Finding | null {
  const { action, to } = facts;
  if (
    to === null ||
    action.type === 'native-transfer' ||
    action.type === 'cancel' ||
    hasCode(facts.toCode) !== false
  ) {
    return null;
  }
  const [party, kind] = calledParty(action, to);
  const outcome =
    kind === 'call'
      ? 'the call will do nothing, and any coin sent stays at that address'
      : `there is no ${kind} there, and the transaction will do nothing`;
  return finding(
    'no-code',
    'warning',
    `${partyName(party)} has no contract code on ${facts.chainName(facts.chainId)}: ${outcome}. Check the address and the network.`,
    { facts: [{ label: 'Address', value: to }] },
  );
}

/** The party the transaction calls, and what it was expected to be (Permit2's approve calls Permit2, not the token). */
function calledParty(
  action: Exclude<ReviewAction, { type: 'native-transfer' | 'cancel' }>,
  to: string,
): [Party, string] {
  switch (action.type) {
    case 'contract-call':
      return [action.to, 'call'];
    case 'approval-for-all':
      return [action.collection, 'collection'];
    case 'token-transfer':
    case 'approval':
      return action.token.address === to
        ? [action.token, 'token']
        : [{ address: to, name: null, source: 'none' }, 'contract'];
  }
}
