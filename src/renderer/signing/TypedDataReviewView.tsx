import type { TokenGrant, TypedDataReview } from '../../shared/review';
import { AmountText } from '../review/AmountText';
import { DeviceLines } from '../review/DeviceLines';
import { FindingList } from '../review/FindingList';
import { PartyName } from '../review/PartyName';
import { TypedDataTree } from './TypedDataTree';
import './TypedDataReviewView.css';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Unix seconds as a date the user reads; the exact instant on hover. */
function Expiry({ expires }: { expires: number | null }) {
  if (expires === null) return <span>Never expires</span>;
  const date = new Date(expires * 1000);
  return (
    <time dateTime={date.toISOString()} title={`${date.toISOString()} (${expires})`}>
      {DATE.format(date)}
    </time>
  );
}

/** One permission: the token, how much of it (or "Unlimited"), who may take it, and until when. */
function GrantFacts({ grant, receiving }: { grant: TokenGrant; receiving: boolean }) {
  return (
    <dl className="review__facts typed-data-grant">
      <div className="review-fact">
        <dt>Token</dt>
        <dd>
          <PartyName party={grant.token} />
        </dd>
      </div>
      <div className="review-fact">
        <dt>Amount</dt>
        <dd>
          <AmountText amount={grant.amount} />
          {grant.tokenId !== null && <span className="typed-data-grant__id">#{grant.tokenId}</span>}
        </dd>
      </div>
      {!receiving && (
        <>
          <div className="review-fact">
            <dt>Spender</dt>
            <dd>
              <PartyName party={grant.spender} />
            </dd>
          </div>
          <div className="review-fact">
            <dt>Until</dt>
            <dd>
              <Expiry expires={grant.expires} />
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}

function GrantList({
  grants,
  label,
  receiving,
}: {
  grants: TokenGrant[];
  label: string;
  receiving: boolean;
}) {
  if (grants.length === 0) return null;
  return (
    <div className="review__part">
      <p className="review__heading">{label}</p>
      <ul className="typed-data-review__grants" aria-label={label}>
        {grants.map((grant, index) => (
          <li key={`${grant.token.address}-${grant.tokenId ?? ''}-${index}`}>
            <GrantFacts grant={grant} receiving={receiving} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What a typed-data signature allows, as main decoded it: the permissions it grants, what an order gives
 * back, the contract an EIP-7702 authorization delegates to, what could go wrong, what the device will show,
 * and every field of the message one click away.
 */
export function TypedDataReviewView({ review }: { review: TypedDataReview }) {
  return (
    <div className="review typed-data-review">
      <p className="review__summary">{review.summary}</p>
      {review.verifyingContract && (
        <p className="typed-data-review__contract">
          Checked by <PartyName party={review.verifyingContract} />
        </p>
      )}
      <GrantList grants={review.grants} label="Permissions" receiving={false} />
      <GrantList grants={review.receives} label="You receive" receiving />
      {review.delegate && (
        <div className="review__part">
          <p className="review__heading">Your account would run the code of</p>
          <PartyName party={review.delegate} />
        </div>
      )}
      <FindingList findings={review.findings} />
      {review.device && <DeviceLines device={review.device} />}
      <details className="typed-data-review__fields">
        <summary>All fields</summary>
        {review.tree.length > 0 ? (
          <TypedDataTree nodes={review.tree} />
        ) : (
          <p className="typed-data-review__empty">The message has no fields.</p>
        )}
      </details>
    </div>
  );
}
