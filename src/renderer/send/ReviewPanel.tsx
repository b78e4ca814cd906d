import { LoaderCircle } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { FindingFix, TxReview } from '../../shared/review';
import { Callout } from '../controls/Callout';
import { canSign, overridable } from '../review/findingOrder';
import { TxReviewView } from '../review/TxReviewView';

interface ReviewPanelProps {
  review: TxReview;
  sending: boolean;
  /** Signs; `allowRevert` is true only when the user ticked "Sign anyway" on a revert. */
  onSend(allowRevert: boolean): void;
  onFix(fix: FindingFix): void;
}

/** Everything that will happen, in plain words, before anything is signed; Sign waits while anything blocks. */
export function ReviewPanel({ review, sending, onSend, onFix }: ReviewPanelProps) {
  const headingId = useId();
  const [allowRevert, setAllowRevert] = useState(false);
  // A new review starts with "Sign anyway" unticked: the user overrides only a revert they have just read.
  const [readReview, setReadReview] = useState(review);
  if (readReview !== review) {
    setReadReview(review);
    setAllowRevert(false);
  }
  const signable = canSign(review, allowRevert);
  const override = overridable(review.findings);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    // The review opens below the form: bring its start into view, or the user sees nothing happen on Review.
    section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [review]);

  return (
    <section ref={section} className="send-review card" aria-labelledby={headingId}>
      <h2 id={headingId} className="send-review__title">
        Review
      </h2>
      <TxReviewView
        review={review}
        onFix={onFix}
        allowRevert={allowRevert}
        onAllowRevertChange={override ? setAllowRevert : undefined}
      />

      {review.cannotSign !== null ? (
        <Callout tone="warning" title="This account cannot sign">
          {review.cannotSign}
        </Callout>
      ) : (
        <div className="send-review__actions">
          {!signable && (
            <p className="send-review__blocked">
              {override
                ? 'Tick “Sign anyway” above to sign it regardless.'
                : 'Fix what blocks it above to sign.'}
            </p>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={!signable}
            aria-disabled={sending}
            onClick={() => !sending && signable && onSend(review.blocked && allowRevert)}
          >
            {sending && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            Sign and send
          </button>
        </div>
      )}
    </section>
  );
}
