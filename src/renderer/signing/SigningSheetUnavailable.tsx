import { ShieldAlert } from 'lucide-react';
import type { SigningRequestView } from '../../shared/devices';
import { Callout } from '../controls/Callout';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import type { Failure } from '../routing/FailureBoundary';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { signerName } from './signerName';
import { ReloadButton } from '../routing/ReloadButton';

interface SigningSheetUnavailableProps {
  request: SigningRequestView;
  /** Requests queued behind this one. */
  waiting: number;
  failure: Failure;
  onReload(): void;
  onClose(): void;
}

/**
 * In place of the signing sheet when it could not load or stopped on an error. The request stays in view
 * with its device, and the user is told not to approve it: the wallet cannot show what the device will ask
 * them to sign, which is the sheet's whole point. It can still be refused, on the device or, for a phone,
 * here; closed, once it failed; or shown in full after a Reload.
 */
export function SigningSheetUnavailable({
  request,
  waiting,
  failure,
  onReload,
  onClose,
}: SigningSheetUnavailableProps) {
  const { client } = useWallet();
  const cancel = useAction(() => client.call('signing.cancel', { id: request.id }));
  const failed = request.status === 'failed';
  const ended = failed || request.status === 'expired';
  const phone = request.signer.kind === 'phone';
  const working = cancel.state.status === 'working';
  return (
    <Dialog
      title={ended ? 'A signing request ended' : 'A signing request is waiting'}
      onCancel={() => failed && onClose()}
      description={
        <p>
          For <strong>{signerName(request.signer)}</strong>.{' '}
          {failure === 'load'
            ? 'The sheet that shows what it signs could not load.'
            : 'The sheet that shows what it signs stopped on an error.'}
        </p>
      }
      actions={
        <>
          {phone && !failed && (
            <button
              type="button"
              className="button"
              aria-disabled={working}
              onClick={() => !working && void cancel.run()}
            >
              Cancel request
            </button>
          )}
          {failed && (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          )}
          <ReloadButton onReload={onReload} />
        </>
      }
    >
      {!ended && (
        <Callout tone="danger" icon={ShieldAlert} title="Do not approve it yet">
          Until the wallet shows this request, nothing tells you what your {phone ? 'phone' : 'device'} will
          ask you to sign. Reload to see it, or {phone ? 'cancel it' : 'reject it on the device'}.
        </Callout>
      )}
      {cancel.state.status === 'failed' && (
        <ErrorNote outcome="Not cancelled" message={cancel.state.message} />
      )}
      {waiting > 0 && (
        <p>{waiting === 1 ? '1 more request is waiting.' : `${waiting} more requests are waiting.`}</p>
      )}
    </Dialog>
  );
}
