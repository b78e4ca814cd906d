import type { PhoneReview, PhoneReviewFinding } from '../../shared/pairing/phoneReview';
import { groupThousands } from '../../shared/format/amount';
import { formatBalanceDelta, shortAddress } from './format';

const HEADING: Record<PhoneReview['simulation'], string> = {
  simulated: 'Your desktop simulated this:',
  checked: 'Your desktop checked this (without simulating balance changes):',
  failed: 'Your desktop could not simulate this:',
};

/**
 * A blocking finding on a request the desktop did not block is one the user overrode there (a request the
 * desktop blocked never reaches the screen: the phone refuses it).
 */
const SEVERITIES: { severity: PhoneReviewFinding['severity']; label: string; tone: string }[] = [
  { severity: 'blocking', label: 'Overridden on your desktop', tone: 'danger' },
  { severity: 'warning', label: 'Warnings', tone: 'warning' },
  { severity: 'info', label: 'Notes', tone: 'neutral' },
];

/**
 * The desktop's review, in its own words and plainly attributed to it, below what the phone decoded itself.
 * It informs; what the phone signs is the transaction above.
 */
export function DesktopReview({ review }: { review: PhoneReview | undefined }) {
  if (!review) {
    return (
      <section className="callout neutral" aria-label="Your desktop’s review">
        <p>Your desktop sent no review of this request. Rely on what this phone decoded above.</p>
      </section>
    );
  }
  return (
    <section className="desktop-review" aria-label="Your desktop’s review">
      <p className="desktop-review__lead">
        <span className="muted">{HEADING[review.simulation]}</span>{' '}
        <strong className="desktop-review__summary">{review.summary}</strong>
      </p>
      {SEVERITIES.map(({ severity, label, tone }) => {
        const findings = review.findings.filter((finding) => finding.severity === severity);
        return findings.length > 0 ? (
          <ul key={severity} className={`callout ${tone}`} aria-label={label}>
            {findings.map((finding, index) => (
              <li key={`${finding.code}-${index}`}>{finding.message}</li>
            ))}
          </ul>
        ) : null;
      })}
      {review.balanceChanges.length > 0 ? (
        <ul className="balance-changes" aria-label="Balance changes">
          {review.balanceChanges.map((change, index) => {
            const { text, exact } = formatBalanceDelta(change);
            return (
              <li key={`${change.account.address}-${index}`} className="balance-change">
                <span title={change.account.address}>
                  {change.account.name ?? shortAddress(change.account.address)}
                </span>
                <span className="amount" title={exact}>
                  {text}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {review.note ? <p className="muted">{review.note}</p> : null}
      {review.gasUsed !== null ? (
        <p className="muted">Gas used in the simulation: {groupThousands(review.gasUsed)}</p>
      ) : null}
    </section>
  );
}
