import { LoaderCircle, ShieldAlert, TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import type { SendReview } from '../../shared/tx';
import { Callout } from '../controls/Callout';
import { CopyButton } from '../controls/CopyButton';
import { deviceName, KIND_NAMES, shortFingerprint } from '../devices/deviceNames';
import { shortAddress } from '../format/shortAddress';
import { useChainNames } from '../history/useChainNames';
import { exactAmount } from './txWords';

interface ReviewPanelProps {
  review: SendReview;
  sending: boolean;
  onSend(): void;
}

const RESOLVED_FROM: Record<SendReview['to']['resolvedFrom'], string> = {
  address: 'typed as an address',
  'address-book': 'from your address book',
  label: 'from your account labels',
};

/** Poisoning and a send into the token's own contract lose money outright; the others ask for a second look. */
const DANGER: ReadonlySet<string> = new Set(['poisoning', 'token-contract']);

/** The recipient as the sentence names it: its label with the short address, or the full address. */
function recipientName(to: SendReview['to']): string {
  return to.label ? `${to.label} (${shortAddress(to.address)})` : to.address;
}

function signerTitle(signer: NonNullable<SendReview['signer']>): string {
  const { kind, label, fingerprint } = signer;
  const name = kind === 'phone' ? `Phone ${label}`.trim() : deviceName({ kind, label });
  return `${name} (${shortFingerprint(fingerprint)})`;
}

/** Everything that will happen, in plain words, before anything is signed. */
export function ReviewPanel({ review, sending, onSend }: ReviewPanelProps) {
  const chains = useChainNames();
  const headingId = useId();
  const chain = chains.chain(review.chainId);
  const nativeDecimals = chain?.nativeCurrency.decimals ?? 18;
  // The main process fills `custom` whenever the review is for custom fees.
  const fee =
    (review.speed === 'custom' ? review.fees.custom : review.fees[review.speed]) ?? review.fees.normal;
  const amount = exactAmount(review.amount, review.asset.decimals, review.asset.symbol);
  const native = (value: string) => exactAmount(value, nativeDecimals, review.nativeSymbol);
  const fromName = review.from.label || shortAddress(review.from.address);
  const device =
    review.signer?.kind === 'phone' ? 'phone' : review.signer ? KIND_NAMES[review.signer.kind] : '';

  return (
    <section className="send-review card" aria-labelledby={headingId}>
      <h2 id={headingId} className="send-review__title">
        Review
      </h2>
      <p className="send-review__sentence">
        Send {amount} on {chains.name(review.chainId)} from {fromName} to {recipientName(review.to)}
      </p>

      {review.warnings.map((warning) => (
        <Callout
          key={warning.code}
          tone={DANGER.has(warning.code) ? 'danger' : 'warning'}
          icon={warning.code === 'poisoning' ? ShieldAlert : TriangleAlert}
        >
          {warning.message}
        </Callout>
      ))}

      <dl className="send-review__facts">
        <div className="send-review__fact">
          <dt>To</dt>
          <dd>
            <code className="send-review__address">{review.to.address}</code>
            <CopyButton text={review.to.address} label="recipient address" />
            <span className="send-review__aside">
              {review.to.label ? `${review.to.label}, ` : ''}
              {RESOLVED_FROM[review.to.resolvedFrom]}
            </span>
          </dd>
        </div>
        <div className="send-review__fact">
          <dt>Network fee</dt>
          <dd>
            <span className="send-review__figure">
              {native(fee.likely)} likely, at most {native(fee.max)}
            </span>
          </dd>
        </div>
        <div className="send-review__fact">
          <dt>Total at most</dt>
          <dd>
            <span className="send-review__figure send-review__figure--total">{native(review.totalMax)}</span>
            {review.asset.token && <span className="send-review__aside">plus {amount}</span>}
          </dd>
        </div>
        <div className="send-review__fact">
          <dt>Nonce</dt>
          <dd>
            <span className="send-review__figure">{review.nonce}</span>
            <span className="send-review__aside">gas limit {review.gasLimit}</span>
          </dd>
        </div>
        {review.signer && (
          <div className="send-review__fact">
            <dt>Signs</dt>
            <dd>{signerTitle(review.signer)}</dd>
          </div>
        )}
      </dl>

      {review.signer && (
        <div className="send-review__device">
          <p className="send-review__device-title">Your {device} will show:</p>
          <dl className="send-review__screen">
            {review.signer.screen.map((line, index) => (
              <div key={`${line.label}-${index}`} className="send-review__screen-line">
                <dt>{line.label}</dt>
                <dd>
                  <code>{line.value}</code>
                </dd>
              </div>
            ))}
          </dl>
          <p className="send-review__aside">Check each line on the device before you confirm.</p>
        </div>
      )}

      {review.cannotSign !== null ? (
        <Callout tone="warning" title="This account cannot sign">
          {review.cannotSign}
        </Callout>
      ) : (
        <div className="send-review__actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={sending}
            onClick={() => !sending && onSend()}
          >
            {sending && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            Sign and send
          </button>
        </div>
      )}
    </section>
  );
}
