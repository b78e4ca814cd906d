import type { Finding } from '../../shared/review';

const RANK: Record<Finding['severity'], number> = { blocking: 0, warning: 1, info: 2 };

/** Blocking findings first, then warnings, then notes; equal ones keep main's order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/**
 * Whether Sign may be pressed: nothing blocks, or every blocking finding is one the user may override (a
 * revert) and they said so. Main's `blocked` does not know about the override; `tx.send` checks it again.
 */
export function canSign(
  review: { blocked: boolean; findings: readonly Finding[] },
  allowRevert: boolean,
): boolean {
  if (!review.blocked) return true;
  const blocking = review.findings.filter((f) => f.severity === 'blocking');
  return allowRevert && blocking.length > 0 && blocking.every((f) => f.overridable);
}

/** The one finding a checkbox can override, if the review has it. */
export function overridable(findings: readonly Finding[]): Finding | undefined {
  return findings.find((f) => f.severity === 'blocking' && f.overridable);
}
