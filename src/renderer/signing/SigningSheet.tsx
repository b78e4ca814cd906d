import { LoaderCircle, ShieldAlert } from 'lucide-react';
import { useRef } from 'react';
import type { SigningRequestView } from '../../shared/devices';
import { Callout } from '../controls/Callout';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { DeviceRemedy } from '../devices/DeviceRemedy';
import { KIND_NAMES } from '../devices/deviceNames';
import { formatCountdown, useRemaining } from '../pairing/countdown';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { signerName } from './signerName';
import { SigningReview } from './SigningReview';
import './SigningSheet.css';

const ACTIONS: Record<SigningRequestView['action'], string> = {
  message: 'Sign a message',
  'typed-data': 'Sign typed data',
  transaction: 'Sign a transaction',
  'verify-address': 'Show an address',
};

function sheetTitle({ signer, status }: SigningRequestView): string {
  if (signer.kind !== 'phone') {
    const kind = KIND_NAMES[signer.kind];
    return status === 'failed' ? `Not completed on your ${kind}` : `Confirm on your ${kind}`;
  }
  if (status === 'waiting_for_phone') return `Waiting for ${signer.label}…`;
  if (status === 'expired') return 'Not answered in time';
  if (status === 'failed') return `Not completed on ${signer.label}`;
  return `Approve on ${signer.label}`;
}

function progressText({ signer, status }: SigningRequestView): string {
  const phone = signer.kind === 'phone';
  if (status === 'waiting_for_phone') {
    return 'The phone is offline. The request will be delivered when it connects.';
  }
  if (status === 'queued') {
    return phone ? 'Sending the request to the phone…' : 'Waiting for the device to finish what it is doing…';
  }
  return `Approve on the ${phone ? 'phone' : 'device'} once its screen matches what is below.`;
}

/** "Ledger", "Trezor" or "phone": the screen the user compares the lines with. */
function screenName({ signer }: SigningRequestView): string {
  return signer.kind === 'phone' ? 'phone' : KIND_NAMES[signer.kind];
}

/** Ticks on its own, so the rest of the sheet does not re-render every second. */
function Expiry({ expiresAt }: { expiresAt: number }) {
  return <p className="signing-sheet__expiry">Expires in {formatCountdown(useRemaining(expiresAt))}</p>;
}

interface SigningSheetProps {
  request: SigningRequestView;
  /** Requests queued behind this one. */
  waiting: number;
  onClose(): void;
}

/** One signing request as the user follows it on the device: which device, what to check, what went wrong. */
export function SigningSheet({ request, waiting, onClose }: SigningSheetProps) {
  const { client } = useWallet();
  const focusTarget = useRef<HTMLElement>(null);
  const cancel = useAction(() => client.call('signing.cancel', { id: request.id }));
  const retry = useAction(() => client.call('signing.retry', { id: request.id }));
  const failed = request.status === 'failed';
  const expired = request.status === 'expired';
  const ended = failed || expired;
  // A phone is not in the user's hand the way a device on the desk is, so the desktop can withdraw its request.
  const cancellable = request.signer.kind === 'phone' && !failed;
  const busy = cancel.state.status === 'working' || retry.state.status === 'working';
  const device = [signerName(request.signer), request.signer.model].filter(Boolean).join(' · ');

  return (
    <Dialog
      title={sheetTitle(request)}
      // Only the device can cancel a request it is showing; Escape closes a failure, nothing else.
      onCancel={() => failed && onClose()}
      initialFocus={focusTarget}
      description={
        <>
          <p className="signing-sheet__device">
            <span className="signing-sheet__action">{ACTIONS[request.action]}</span> on{' '}
            <strong>{device}</strong>
          </p>
          {!ended && (
            <p className="signing-sheet__status" role="status">
              <LoaderCircle className="spinner" size={14} aria-hidden="true" />
              {progressText(request)}
            </p>
          )}
          {expired && (
            <p className="signing-sheet__status">
              The phone did not answer before the request expired. Send it again to give it more time.
            </p>
          )}
          {!ended && request.expiresAt !== null && <Expiry expiresAt={request.expiresAt} />}
        </>
      }
      actions={
        <>
          {!cancellable && !failed && (
            <p className="signing-sheet__hint">To cancel, reject it on the device.</p>
          )}
          {cancellable && (
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => !busy && void cancel.run()}
            >
              Cancel request
            </button>
          )}
          {expired && (
            <button
              ref={(element) => void (focusTarget.current = element)}
              type="button"
              className="button button--primary"
              aria-disabled={busy}
              onClick={() => !busy && void retry.run()}
            >
              Send again
            </button>
          )}
          {failed && (
            <button
              ref={(element) => void (focusTarget.current = element)}
              type="button"
              className="button button--primary"
              onClick={onClose}
            >
              Close
            </button>
          )}
        </>
      }
    >
      {request.review && !ended && <SigningReview shown={request.review} />}
      {request.blind && !ended && (
        <Callout tone="danger" icon={ShieldAlert} title="Blind signature">
          Your {screenName(request)} cannot decode this request: it will show only hashes or raw data, not
          what the request does. Approve it only if you started it yourself and trust where it came from.
        </Callout>
      )}
      {request.check.length > 0 && (
        <section className="signing-sheet__compare" aria-label="What the device will show">
          <p className="signing-sheet__compare-title">
            {request.review ? 'What the device will show' : 'Check on the device'}
            <span>Compare these with your {screenName(request)} screen</span>
          </p>
          <dl
            className="signing-sheet__check"
            aria-label={`Check on the ${request.signer.kind === 'phone' ? 'phone' : 'device'}`}
            ref={(element) => {
              if (!ended) focusTarget.current = element;
            }}
            tabIndex={-1}
          >
            {request.check.map((line, index) => (
              <div key={`${line.label}-${index}`} className="signing-sheet__line">
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {failed && request.error && (
        <Callout tone="danger" role="alert" title={request.error.message}>
          {request.error.remedy && <DeviceRemedy remedy={request.error.remedy} />}
        </Callout>
      )}
      {cancel.state.status === 'failed' && (
        <ErrorNote outcome="Not cancelled" message={cancel.state.message} />
      )}
      {retry.state.status === 'failed' && (
        <ErrorNote outcome="Not sent again" message={retry.state.message} />
      )}
      {waiting > 0 && (
        <p className="signing-sheet__queue">
          {waiting === 1 ? '1 more request is waiting.' : `${waiting} more requests are waiting.`}
        </p>
      )}
    </Dialog>
  );
}
