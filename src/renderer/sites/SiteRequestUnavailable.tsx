import type { DappRequestView } from '../../shared/dapps';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import type { Failure } from '../routing/FailureBoundary';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { ReloadButton } from '../routing/ReloadButton';

interface SiteRequestUnavailableProps {
  requests: readonly DappRequestView[];
  failure: Failure;
  onReload(): void;
}

/**
 * In place of the request sheet when it could not load or stopped on an error. The requests still wait in
 * view: the oldest can be rejected, which is safe unseen, but approving needs the sheet, so Reload brings it.
 */
export function SiteRequestUnavailable({ requests, failure, onReload }: SiteRequestUnavailableProps) {
  const { client } = useWallet();
  const oldest = requests.reduce((first, request) =>
    request.receivedAt < first.receivedAt ? request : first,
  );
  const reject = useAction(() => client.call('dapps.reject', { id: oldest.id }));
  const working = reject.state.status === 'working';
  return (
    <Dialog
      title={requests.length === 1 ? 'A site is waiting for an answer' : 'Sites are waiting for answers'}
      // A site waits for an answer; Escape must not give one for the user, as on the sheet itself.
      onCancel={() => {}}
      description={
        <>
          <p>
            {failure === 'load'
              ? 'The sheet that shows a site’s request could not load, so this request cannot be approved yet.'
              : 'The sheet that shows a site’s request stopped on an error, so this request cannot be approved yet.'}{' '}
            Reload to try again, or reject it.
          </p>
          <p>
            From <strong>{oldest.origin}</strong>
            {requests.length > 1 && `, and ${requests.length - 1} more after it`}.
          </p>
        </>
      }
      actions={
        <>
          <button
            type="button"
            className="button"
            aria-disabled={working}
            onClick={() => !working && void reject.run()}
          >
            Reject
          </button>
          <ReloadButton onReload={onReload} />
        </>
      }
    >
      {reject.state.status === 'failed' && (
        <ErrorNote outcome="Not rejected" message={reject.state.message} detail={reject.state.detail} />
      )}
    </Dialog>
  );
}
