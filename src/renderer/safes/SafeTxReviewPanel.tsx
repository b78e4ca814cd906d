import { LoaderCircle } from 'lucide-react';
import { useId } from 'react';
import type { SafeTxReview } from '../../shared/safes';
import { SafeTxFacts } from './SafeTxFacts';

interface SafeTxReviewPanelProps {
  review: SafeTxReview;
  proposing: boolean;
  onPropose(): void;
}

/** The Safe transaction an action builds, as main reviewed it, with the one button that keeps it for signing. */
export function SafeTxReviewPanel({ review, proposing, onPropose }: SafeTxReviewPanelProps) {
  const titleId = useId();
  return (
    <section className="safe-review" aria-labelledby={titleId}>
      <h3 id={titleId} className="review__heading">
        Safe transaction review
      </h3>
      <p className="review__summary">{review.summary}</p>
      <SafeTxFacts review={review} />
      <p className="review-aside">Proposing signs nothing: each owner then signs it from the list below.</p>
      <div className="safe-form__actions">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={proposing}
          onClick={() => !proposing && onPropose()}
        >
          {proposing && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
          Propose
        </button>
      </div>
    </section>
  );
}
