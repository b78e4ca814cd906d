import type { Finding, Party } from '../../../shared/review';
import { partyName } from '../parties';
import { finding } from './finding';

/**
 * Approvals are for contracts (routers, marketplaces). An approval to an account without code hands the
 * tokens to whoever holds its key, which is how approval phishing usually looks. `hasCode` null: not read,
 * so nothing is claimed.
 */
export function approvalToNoCode(spender: Party, hasCode: boolean | null): Finding | null {
  if (hasCode !== false) return null;
  return finding(
    'approval-to-no-code',
    'warning',
    `${partyName(spender)}, which would be allowed to spend your tokens, is not a contract but a plain account: ` +
      'whoever holds its key could take them. Apps ask you to approve their contract, never a person.',
    { facts: [{ label: 'Spender', value: spender.address }] },
  );
}
