import type { DappRequestDetail, DappReview } from '../../shared/dapps';
import { shortAddress } from '../../shared/format/shortAddress';
import { Callout } from '../controls/Callout';
import { deviceName } from '../devices/deviceNames';
import { Fact } from '../review/ActionFacts';
import { FindingList } from '../review/FindingList';
import { overridable } from '../review/findingOrder';
import { TxReviewView } from '../review/TxReviewView';
import { TypedDataConsents, type Consents } from '../signing/TypedDataConsents';
import { TypedDataReviewView } from '../signing/TypedDataReviewView';
import { cannotSignReason, signerOf, withoutSiteFindings } from './requestApproval';

type Reviewed<T extends DappReview['type']> = Extract<DappReview, { type: T }>;
type Message = Extract<DappRequestDetail, { type: 'message' }>;

function CannotSign({ review }: { review: DappReview }) {
  const reason = cannotSignReason(review);
  return (
    reason && (
      <Callout tone="warning" title="This account cannot sign">
        {reason}
      </Callout>
    )
  );
}

interface TransactionRequestProps {
  review: Reviewed<'transaction'>;
  allowRevert: boolean;
  onAllowRevertChange(allow: boolean): void;
}

/** One transaction, or a site's batch of calls, each reviewed as Send reviews it; they run one by one. */
export function TransactionRequest({ review, allowRevert, onAllowRevertChange }: TransactionRequestProps) {
  const { reviews } = review;
  const several = reviews.length > 1;
  return (
    <div className="site-request__body">
      {several && (
        <p className="site-request__quiet">
          The site sends {reviews.length} calls. They are signed and sent one after another, each once the one
          before it is on chain; the wallet stops at the first that fails.
        </p>
      )}
      {reviews.map((one, index) => (
        <section
          key={index}
          className="site-request__call"
          aria-label={several ? `Call ${index + 1} of ${reviews.length}` : 'Transaction'}
        >
          {several && (
            <h3 className="site-request__call-title">
              Call {index + 1} of {reviews.length}
            </h3>
          )}
          <TxReviewView
            review={withoutSiteFindings(one)}
            allowRevert={allowRevert}
            onAllowRevertChange={overridable(one.findings) ? onAllowRevertChange : undefined}
          />
        </section>
      ))}
      <CannotSign review={review} />
    </div>
  );
}

/** A personal_sign message: its text, or its bytes when it is not text, and who signs it. */
export function MessageRequest({ detail, review }: { detail: Message; review: Reviewed<'message'> }) {
  const signer = signerOf(review);
  const { account } = detail;
  return (
    <div className="site-request__body">
      <dl className="review__facts">
        <Fact label="Account">
          {account.label && <span className="review-party__name">{account.label}</span>}
          <code className="review-party__address" title={account.address}>
            {account.label ? shortAddress(account.address) : account.address}
          </code>
        </Fact>
        <Fact label="Signs on">{signer ? deviceName(signer) : 'No device: watch-only'}</Fact>
      </dl>
      <section className="site-request__message-part" aria-label="Message">
        {detail.text === null && (
          <p className="site-request__quiet">
            This message is not text, so its bytes are shown. Sign it only if you know what it is for.
          </p>
        )}
        <pre className="site-request__message" data-hex={detail.text === null ? '' : undefined}>
          {detail.text ?? detail.hex}
        </pre>
      </section>
      <section className="review__part">
        <h3 className="review__heading">Checks</h3>
        <FindingList findings={withoutSiteFindings(review).findings} />
      </section>
      <CannotSign review={review} />
    </div>
  );
}

interface TypedDataRequestProps {
  review: Reviewed<'typed-data'>;
  consents: Consents;
  onConsentsChange(consents: Consents): void;
}

/** eth_signTypedData_v4: what the signature allows, decoded, with the same consents as Sign typed data. */
export function TypedDataRequest({ review, consents, onConsentsChange }: TypedDataRequestProps) {
  return (
    <div className="site-request__body">
      <TypedDataReviewView review={withoutSiteFindings(review.review)} />
      <TypedDataConsents review={review.review} given={consents} onChange={onConsentsChange} />
      <CannotSign review={review} />
    </div>
  );
}
