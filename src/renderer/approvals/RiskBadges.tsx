import { Clock, Infinity as Unlimited, KeyRound, type LucideIcon } from 'lucide-react';
import { type ApprovalRisk, OLD_APPROVAL_DAYS } from '../../shared/approvals';

/** Each risk in a word or two, and the sentence that says why it matters, shown on hover and to readers. */
export const RISK_WORDS: Record<ApprovalRisk, { label: string; reason: string; icon: LucideIcon }> = {
  unlimited: {
    label: 'Unlimited',
    reason: 'It may spend every token of this kind the account holds, now and later.',
    icon: Unlimited,
  },
  'no-code': {
    label: 'Not a contract',
    reason: 'The spender has no contract code: whoever holds its key can take these tokens at will.',
    icon: KeyRound,
  },
  old: {
    label: `Over ${OLD_APPROVAL_DAYS} days old`,
    reason: `Granted more than ${OLD_APPROVAL_DAYS} days ago, likely for an app you no longer use.`,
    icon: Clock,
  },
};

/** Why a row sits where it does: a badge per risk, with its reason in words beside the screen reader's. */
export function RiskBadges({ risks }: { risks: readonly ApprovalRisk[] }) {
  if (risks.length === 0) return <span className="approvals__no-risk">None found</span>;
  return (
    <ul className="approvals__risks" aria-label="Risks">
      {risks.map((risk) => {
        const { label, reason, icon: Icon } = RISK_WORDS[risk];
        return (
          <li key={risk}>
            <span className="badge" data-tone={risk === 'old' ? 'warning' : 'danger'} title={reason}>
              <Icon size={12} aria-hidden="true" />
              {label}
              <span className="visually-hidden">: {reason}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
