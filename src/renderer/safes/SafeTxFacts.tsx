import type { SafeTxReview } from '../../shared/safes';
import { Callout } from '../controls/Callout';
import { CopyButton } from '../controls/CopyButton';
import { Fact } from '../review/ActionFacts';

/**
 * What every owner should read before signing a Safe transaction: its warnings, loud, whether it would go
 * through now, its nonce, and the hash the devices sign, in full and selectable to compare with a device.
 */
export function SafeTxFacts({ review }: { review: SafeTxReview }) {
  return (
    <>
      {review.warnings.map((warning) => (
        <Callout key={warning} tone="danger">
          {warning}
        </Callout>
      ))}
      <dl className="review__facts">
        <Fact label="If it runs now">
          {review.simulation.ok ? (
            'It would go through.'
          ) : (
            <span className="review-revert">
              It would fail: {review.simulation.reason ?? 'no reason given'}
            </span>
          )}
        </Fact>
        <Fact label="Safe nonce">{review.tx.nonce}</Fact>
        {review.tx.operation === 1 && <Fact label="Operation">Delegatecall</Fact>}
        <Fact label="Safe transaction hash">
          <span className="safe-hash">
            <code className="safe-hash__text">{review.safeTxHash}</code>
            <CopyButton text={review.safeTxHash} label="Safe transaction hash" />
          </span>
        </Fact>
      </dl>
    </>
  );
}
