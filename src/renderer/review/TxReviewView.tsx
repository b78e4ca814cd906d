import type { FindingFix, TxReview } from '../../shared/review';
import { formatCount } from '../../shared/format/amount';
import { ActionFacts, Fact } from './ActionFacts';
import { BalanceChangeList } from './BalanceChangeList';
import { DeviceLines } from './DeviceLines';
import { FeeFacts, ReplacementFees } from './FeeFacts';
import { FindingList } from './FindingList';
import { PartyName } from './PartyName';
import './review.css';

interface TxReviewViewProps {
  review: TxReview;
  /** Runs a finding's one-click fix ("Max", "Switch to Base"); no fix buttons without it. */
  onFix?: (fix: FindingFix) => void;
  /** The user's "sign anyway" on a revert; no checkbox without the handler. */
  allowRevert?: boolean;
  onAllowRevertChange?: (allow: boolean) => void;
}

/**
 * The whole review of a transaction, as main computed it: the action in words and decoded, what can go
 * wrong, what the simulation changed, what it costs, and what the device will show. The Sign button is the
 * caller's, since a send, a speed-up and a revoke each sign differently.
 */
export function TxReviewView({ review, onFix, allowRevert, onAllowRevertChange }: TxReviewViewProps) {
  const { simulation } = review;
  return (
    <div className="review">
      <p className="review__summary">{review.summary}</p>
      <dl className="review__facts">
        <Fact label="From">
          <PartyName
            party={{ address: review.from.address, name: review.from.label || null, source: 'account' }}
          />
        </Fact>
        <ActionFacts action={review.action} />
        <Fact label="Network">{review.chainName}</Fact>
      </dl>

      <section className="review__part">
        <h3 className="review__heading">Checks</h3>
        <FindingList
          findings={review.findings}
          onFix={onFix}
          allowRevert={allowRevert}
          onAllowRevertChange={onAllowRevertChange}
        />
      </section>

      <section className="review__part">
        <h3 className="review__heading">If it runs now</h3>
        <BalanceChangeList simulation={simulation} />
        {(simulation.reverted || simulation.gasUsed !== null) && (
          <dl className="review__facts">
            {simulation.reverted && (
              <Fact label="Reverts">
                <span className="review-revert">{simulation.revertReason ?? 'without a reason'}</span>
              </Fact>
            )}
            {simulation.gasUsed !== null && (
              <Fact label="Gas used">
                <span className="review-figure">{formatCount(Number(simulation.gasUsed))}</span>
              </Fact>
            )}
          </dl>
        )}
      </section>

      <section className="review__part">
        <h3 className="review__heading">Cost</h3>
        <ReplacementFees review={review} />
        <dl className="review__facts">
          <FeeFacts review={review} />
        </dl>
      </section>

      {review.device && <DeviceLines device={review.device} />}

      <details className="review__details">
        <summary>Exact transaction</summary>
        <dl className="review__facts">
          <Fact label="To">
            <code className="review-code">{review.transaction.to ?? 'none: creates a contract'}</code>
          </Fact>
          <Fact label="Value">
            <code className="review-code">{review.transaction.value} base units</code>
          </Fact>
          <Fact label="Nonce">
            <span className="review-figure">{review.transaction.nonce}</span>
          </Fact>
          <Fact label="Data">
            <code className="review-code review-code--data">{review.transaction.data}</code>
          </Fact>
        </dl>
      </details>
    </div>
  );
}
