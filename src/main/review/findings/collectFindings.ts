import type { Finding, ReviewAction } from '../../../shared/review';
import { approvalToNoCode } from './approvalToNoCode';
import { chainMismatch } from './chainMismatch';
import { delegatedSender } from './delegatedSender';
import { hasCode } from './finding';
import { handsOverAssets } from './handsOverAssets';
import { firstTimeRecipient } from './firstTimeRecipient';
import { insufficientBalance } from './insufficientBalance';
import { lookAlikeRecipient } from './lookAlikeRecipient';
import { noCode } from './noCode';
import { nonceGap } from './nonceGap';
import { recipientIsToken } from './recipientIsToken';
import type { ReviewFacts } from './reviewFacts';
import { reverts } from './reverts';
import { selfRecipient } from './selfRecipient';
import { simulationFailed } from './simulationFailed';
import { collectionApproval, unlimitedApproval } from './unlimitedApproval';

export type { ReviewFacts } from './reviewFacts';

const SEVERITY_ORDER: Record<Finding['severity'], number> = { blocking: 0, warning: 1, info: 2 };

/** Every finding of a transaction, blocking first, then warnings, then notes; each check in a fixed order. */
export function collectFindings(facts: ReviewFacts): Finding[] {
  const unaffordable = insufficientBalance(facts);
  const found = [
    unaffordable,
    chainMismatch(facts.chainId, facts.signerChainId, facts.chainName),
    reverts(facts.simulation),
    // A node that would not run what the account cannot pay for says nothing the balance finding does not.
    unaffordable ? null : simulationFailed(facts.simulation),
    nonceGap(facts),
    delegatedSender(facts),
    recipientIsToken(facts),
    lookAlikeRecipient(facts),
    firstTimeRecipient(facts),
    noCode(facts),
    handsOverAssets(facts),
    ...approvalFindings(facts.action, facts.spenderCode),
    selfRecipient(facts),
  ].filter((item): item is Finding => item !== null);
  // Array.prototype.sort is stable, so the order above holds within a severity.
  return found.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** A revoke (an approval of 0, or setApprovalForAll false) gives nothing away, so it raises nothing. */
function approvalFindings(action: ReviewAction, spenderCode: string | null): (Finding | null)[] {
  if (action.type === 'approval' && action.amount.value !== '0') {
    return [unlimitedApproval(action), approvalToNoCode(action.spender, hasCode(spenderCode))];
  }
  if (action.type === 'approval-for-all' && action.approved) {
    return [collectionApproval(action), approvalToNoCode(action.operator, hasCode(spenderCode))];
  }
  return [];
}

/**
 * Whether Sign stays disabled: any blocking finding the user cannot override, or an overridable one (a
 * revert) they have not overridden with `allowRevert`.
 */
export function isBlocked(findings: readonly Finding[], allowRevert: boolean): boolean {
  return findings.some((item) => item.severity === 'blocking' && !(item.overridable && allowRevert));
}
