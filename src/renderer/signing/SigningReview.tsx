import type { SigningRequestView } from '../../shared/devices';
import { BalanceChangeList } from '../review/BalanceChangeList';
import { FindingList } from '../review/FindingList';
import './SigningSheet.css';

type ShownReview = NonNullable<SigningRequestView['review']>;

/**
 * The review the user approved, again, in its own words: the sheet sits over the page that showed it, and
 * the device's lines below must be compared with what this says. Only what could still stop the user is
 * repeated (warnings and blocking findings, no fix buttons: the request is already on the device).
 */
export function SigningReview({ shown }: { shown: ShownReview }) {
  const { review } = shown;
  const findings = review.findings.filter((finding) => finding.severity !== 'info');
  return (
    <section className="signing-review" aria-label="What you approved">
      <p className="signing-review__summary">{review.summary}</p>
      {findings.length > 0 && <FindingList findings={findings} />}
      {shown.type === 'transaction' && shown.review.simulation.balanceChanges.length > 0 && (
        <BalanceChangeList simulation={shown.review.simulation} />
      )}
    </section>
  );
}
