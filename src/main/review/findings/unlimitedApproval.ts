import type { Finding, Party, ReviewAmount } from '../../../shared/review';
import { partyName } from '../parties';
import { finding } from './finding';

/** A grant of "no limit": the spender, or whoever takes control of it, can take the whole balance at any time. */
export function unlimitedApproval(grant: {
  token: Party;
  spender: Party;
  amount: ReviewAmount;
}): Finding | null {
  if (!grant.amount.unlimited) return null;
  const token = grant.token.name ?? grant.amount.symbol;
  return finding(
    'unlimited-approval',
    'warning',
    `This lets ${partyName(grant.spender)} take all of your ${token}, now and later, without asking again. ` +
      'Unless you trust it fully, approve only the amount this use needs.',
    { facts: [{ label: 'Spender', value: grant.spender.address }] },
  );
}

/** setApprovalForAll(operator, true): every item of the collection, present and future, with no limit. */
export function collectionApproval(grant: {
  collection: Party;
  operator: Party;
  approved: boolean;
}): Finding | null {
  if (!grant.approved) return null;
  return finding(
    'unlimited-approval',
    'warning',
    `This lets ${partyName(grant.operator)} move every item you hold of ${partyName(grant.collection)}, now and ` +
      'later, without asking again. Marketplaces ask for this; a site you do not know has no reason to.',
    { facts: [{ label: 'Operator', value: grant.operator.address }] },
  );
}
