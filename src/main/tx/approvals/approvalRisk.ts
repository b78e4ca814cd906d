import {
  APPROVAL_RISKS,
  type ApprovalRisk,
  OLD_APPROVAL_DAYS,
  type RiskedAllowance,
} from '../../../shared/approvals';
import type { AllowanceView } from '../../../shared/tx';

const OLD_AFTER_SECONDS = OLD_APPROVAL_DAYS * 24 * 60 * 60;

/**
 * Why this allowance deserves a look, in APPROVAL_RISKS order. `spenderHasCode` is null when the node was
 * not asked; an approval time of 0 means the block time is unknown, and neither is guessed at.
 */
export function approvalRisks(
  allowance: Pick<AllowanceView, 'unlimited' | 'approvedAt'>,
  facts: { spenderHasCode: boolean | null; nowSeconds: number },
): ApprovalRisk[] {
  const found = new Set<ApprovalRisk>();
  if (allowance.unlimited) found.add('unlimited');
  if (facts.spenderHasCode === false) found.add('no-code');
  if (allowance.approvedAt > 0 && facts.nowSeconds - allowance.approvedAt > OLD_AFTER_SECONDS)
    found.add('old');
  return APPROVAL_RISKS.filter((risk) => found.has(risk));
}

/**
 * Riskiest first: an unlimited allowance before any limited one, then a spender with no code, then an old
 * grant, each risk weighed above every one after it. Ties go oldest first, since a forgotten grant is the
 * likelier to be unwanted, then by network, token and spender so the order never shuffles between reads.
 */
export function byRisk(a: RiskedAllowance, b: RiskedAllowance): number {
  for (const risk of APPROVAL_RISKS) {
    const difference = Number(b.risks.includes(risk)) - Number(a.risks.includes(risk));
    if (difference !== 0) return difference;
  }
  return (
    a.approvedAt - b.approvedAt ||
    a.chainId - b.chainId ||
    a.token.localeCompare(b.token) ||
    a.spender.localeCompare(b.spender) ||
    a.owner.localeCompare(b.owner)
  );
}
