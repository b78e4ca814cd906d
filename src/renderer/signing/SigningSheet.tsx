import { LoaderCircle, ShieldAlert } from 'lucide-react';
import { useRef } from 'react';
import type { SigningRequestView } from '../../shared/devices';
import { Callout } from '../controls/Callout';
import { Dialog } from '../controls/Dialog';
import { DeviceRemedy } from '../devices/DeviceRemedy';
import { KIND_NAMES } from '../devices/deviceNames';
import { signerName } from './signerName';
import './SigningSheet.css';

const ACTIONS: Record<SigningRequestView['action'], string> = {
  message: 'Sign a message',
  'typed-data': 'Sign typed data',
  transaction: 'Sign a transaction',
  'verify-address': 'Show an address',
};

interface SigningSheetProps {
  request: SigningRequestView;
  /** Requests queued behind this one. */
  waiting: number;
  onClose(): void;
}

/** One signing request as the user follows it on the device: which device, what to check, what went wrong. */
export function SigningSheet({ request, waiting, onClose }: SigningSheetProps) {
  const focusTarget = useRef<HTMLElement>(null);
  const kind = KIND_NAMES[request.signer.kind];
  const failed = request.status === 'failed';
  const device = [signerName(request.signer), request.signer.model].filter(Boolean).join(' · ');

  return (
    <Dialog
      title={failed ? `Not completed on your ${kind}` : `Confirm on your ${kind}`}
      // Only the device can cancel a request it is showing; Escape closes a failure, nothing else.
      onCancel={() => failed && onClose()}
      initialFocus={focusTarget}
      description={
        <>
          <p className="signing-sheet__device">
            <span className="signing-sheet__action">{ACTIONS[request.action]}</span> on{' '}
            <strong>{device}</strong>
          </p>
          {!failed && (
            <p className="signing-sheet__status" role="status">
              <LoaderCircle className="spinner" size={14} aria-hidden="true" />
              {request.status === 'queued'
                ? 'Waiting for the device to finish what it is doing…'
                : 'Compare these details with your device’s screen, then approve there.'}
            </p>
          )}
        </>
      }
      actions={
        failed ? (
          <button
            ref={(element) => void (focusTarget.current = element)}
            type="button"
            className="button button--primary"
            onClick={onClose}
          >
            Close
          </button>
        ) : (
          <p className="signing-sheet__hint">To cancel, reject it on the device.</p>
        )
      }
    >
      {request.blind && !failed && (
        <Callout tone="danger" icon={ShieldAlert} title="Blind signature">
          Your device cannot show what this is and will show only a hash. Approve it only if you started this
          request yourself and trust where it came from.
        </Callout>
      )}
      {request.check.length > 0 && (
        <dl
          className="signing-sheet__check"
          aria-label="Check on the device"
          ref={(element) => {
            if (!failed) focusTarget.current = element;
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
      )}
      {failed && request.error && (
        <Callout tone="danger" role="alert" title={request.error.message}>
          {request.error.remedy && <DeviceRemedy remedy={request.error.remedy} />}
        </Callout>
      )}
      {waiting > 0 && (
        <p className="signing-sheet__queue">
          {waiting === 1 ? '1 more request is waiting.' : `${waiting} more requests are waiting.`}
        </p>
      )}
    </Dialog>
  );
}
