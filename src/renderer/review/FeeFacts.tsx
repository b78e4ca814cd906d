import type { ReviewAmount, TxReview } from '../../shared/review';
import { formatAmount, formatCount } from '../../shared/format/amount';
import { Fact } from './ActionFacts';
import { AmountText } from './AmountText';

const SPEED_WORDS: Record<TxReview['fees']['speed'], string> = {
  slow: 'slow',
  normal: 'normal',
  fast: 'fast',
  custom: 'your own fees',
};

/** Per-gas prices read best in gwei: "31.5 gwei". */
function gwei(perGas: string): string {
  return `${formatAmount(BigInt(perGas), 9).text} gwei`;
}

/** A fee in the chain's coin, as AmountText takes it. */
function nativeAmount(fees: TxReview['fees'], value: string): ReviewAmount {
  return { value, decimals: fees.nativeDecimals, symbol: fees.nativeSymbol, unlimited: false };
}

/** What it costs: the fee likely and at most, the L2's L1 data fee, the total at most, the gas limit. */
export function FeeFacts({ review }: { review: TxReview }) {
  const { fees } = review;
  const native = (value: string) => nativeAmount(fees, value);
  return (
    <>
      <Fact label="Network fee">
        {/* Two halves that wrap as wholes: "X likely" and "at most Y" never split mid-phrase. */}
        <span className="review-fee">
          <span className="review-fee__part">
            <AmountText amount={native(fees.chosen.likely)} />
            <span className="review-aside">likely</span>
          </span>
          <span className="review-fee__part">
            <span className="review-aside">· at most</span>
            <AmountText amount={native(fees.chosen.max)} />
          </span>
        </span>
      </Fact>
      {fees.l1.status === 'included' && fees.l1.amount !== null && (
        <Fact label="L1 data fee">
          <span className="review-fee">
            <AmountText amount={native(fees.l1.amount)} />
            <span className="review-aside">included in the network fee</span>
          </span>
        </Fact>
      )}
      {fees.l1.status === 'unavailable' && (
        <Fact label="L1 data fee">
          <span className="review-aside">
            {fees.l1.message ?? "This network's L1 fee oracle did not answer; the fee above leaves it out."}
          </span>
        </Fact>
      )}
      <Fact label="Total at most">
        <span className="review-total">
          <AmountText amount={native(review.totalMax)} />
        </span>
      </Fact>
      <Fact label="Gas">
        <span className="review-aside">
          limit {formatCount(Number(fees.gasLimit))} · {SPEED_WORDS[fees.speed]}
          {fees.chosen.maxFeePerGas !== null && <> · max {gwei(fees.chosen.maxFeePerGas)} per gas</>}
          {fees.chosen.gasPrice !== null && <> · {gwei(fees.chosen.gasPrice)} per gas</>}
        </span>
      </Fact>
    </>
  );
}

/** A speed-up or cancel pays more to win the nonce: the old and the new max fee, side by side. */
export function ReplacementFees({ review }: { review: TxReview }) {
  const { replaces, fees } = review;
  if (!replaces) return null;
  const native = (value: string) => nativeAmount(fees, value);
  return (
    <div className="review-replacement">
      <div className="review-replacement__side">
        <p className="review-replacement__label">Old max fee</p>
        <AmountText amount={native(replaces.oldMaxFee)} />
        <p className="review-aside">{gwei(replaces.oldMaxFeePerGas)} per gas</p>
      </div>
      <div className="review-replacement__side" data-new="">
        <p className="review-replacement__label">New max fee</p>
        <AmountText amount={native(replaces.newMaxFee)} />
        <p className="review-aside">{gwei(replaces.newMaxFeePerGas)} per gas</p>
      </div>
    </div>
  );
}
