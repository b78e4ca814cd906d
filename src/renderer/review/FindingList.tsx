import { Info, OctagonX, TriangleAlert, type LucideIcon } from 'lucide-react';
import { useContext, useId } from 'react';
import type { Finding, FindingFix } from '../../shared/review';
import { WalletContext } from '../session/WalletContext';
import { bySeverity } from './findingOrder';
import './FindingList.css';

interface FindingListProps {
  findings: Finding[];
  /** Offered beside a finding that has a remedy; without it, no fix button is shown. */
  onFix?: (fix: FindingFix) => void;
  /** The user's "sign anyway" on an overridable blocking finding (a revert); no checkbox without the handler. */
  allowRevert?: boolean;
  onAllowRevertChange?: (allow: boolean) => void;
}

const SEVERITY: Record<Finding['severity'], { icon: LucideIcon; words: string }> = {
  blocking: { icon: OctagonX, words: 'Blocks signing' },
  warning: { icon: TriangleAlert, words: 'Warning' },
  info: { icon: Info, words: 'Note' },
};

/** Everything the review found that could go wrong, the worst first, each with its figures and its fix. */
export function FindingList({ findings, onFix, allowRevert = false, onAllowRevertChange }: FindingListProps) {
  if (findings.length === 0) {
    return <p className="review-findings__none">Nothing found to warn you about.</p>;
  }
  return (
    <ul className="review-findings" aria-label="Findings">
      {bySeverity(findings).map((finding, index) => (
        <FindingItem
          key={`${finding.code}-${index}`}
          finding={finding}
          onFix={onFix}
          allowRevert={allowRevert}
          onAllowRevertChange={onAllowRevertChange}
        />
      ))}
    </ul>
  );
}

function FindingItem({
  finding,
  onFix,
  allowRevert,
  onAllowRevertChange,
}: { finding: Finding; allowRevert: boolean } & Pick<FindingListProps, 'onFix' | 'onAllowRevertChange'>) {
  const { icon: Icon, words } = SEVERITY[finding.severity];
  const overrideId = useId();
  const override = finding.severity === 'blocking' && finding.overridable && onAllowRevertChange;
  return (
    <li className="review-finding" data-severity={finding.severity}>
      <Icon className="review-finding__icon" size={16} aria-hidden="true" />
      <div className="review-finding__body">
        <p className="review-finding__message">
          <span className="visually-hidden">{words}: </span>
          {finding.message}
        </p>
        {finding.facts.length > 0 && (
          <dl className="review-finding__facts">
            {finding.facts.map((fact) => (
              <div key={fact.label} className="review-finding__fact">
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {override && (
          <label className="review-finding__override" htmlFor={overrideId}>
            <input
              id={overrideId}
              type="checkbox"
              checked={allowRevert}
              onChange={(event) => onAllowRevertChange(event.target.checked)}
            />
            {finding.code === 'dapp-known-threat'
              ? 'Go on anyway: I trust this dApp despite the warning'
              : 'Sign anyway: I understand it will fail'}
          </label>
        )}
      </div>
      {finding.fix && onFix && <FixButton fix={finding.fix} onFix={onFix} />}
    </li>
  );
}

function FixButton({ fix, onFix }: { fix: FindingFix; onFix: (fix: FindingFix) => void }) {
  // Read without useWallet(): the device overlay and tests may render findings outside a loaded session.
  const chains = useContext(WalletContext)?.chains ?? [];
  const label =
    fix.type === 'max'
      ? 'Max'
      : `Switch to ${chains.find((c) => c.id === fix.chainId)?.name ?? `chain ${fix.chainId}`}`;
  const title = fix.type === 'max' ? `Send ${fix.amount}: all the account can after the fee` : undefined;
  return (
    <button type="button" className="button review-finding__fix" title={title} onClick={() => onFix(fix)}>
      {label}
    </button>
  );
}
