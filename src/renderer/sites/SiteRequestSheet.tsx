import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { DappRequestDetail, DappRequestView } from '../../shared/dapps';
import { useAccounts } from '../accounts/useAccounts';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FindingList } from '../review/FindingList';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { connectable, ConnectRequest } from './ConnectRequest';
import { AddChainRequest, SwitchChainRequest } from './NetworkRequests';
import {
  approvalOf,
  approveLabel,
  canApprove,
  type Choices,
  needsReview,
  NO_CHOICES,
} from './requestApproval';
import { MessageRequest, TransactionRequest, TypedDataRequest } from './SigningRequests';
import { SiteName } from './SiteName';
import { useDappReview } from './useDappReview';
import { WatchAssetRequest } from './WatchAssetRequest';
import './SiteRequestSheet.css';

const ASKS: Record<DappRequestDetail['type'], { title: string; asks: string; failed: string }> = {
  connect: { title: 'Connect to a site', asks: 'asks to see your accounts', failed: 'Not connected' },
  'switch-chain': { title: 'Switch network', asks: 'asks to switch network', failed: 'Not switched' },
  'add-chain': { title: 'Add a network', asks: 'asks to add a network', failed: 'Not added' },
  'watch-asset': { title: 'Add a token', asks: 'asks to list a token', failed: 'Not added' },
  transaction: { title: 'Send a transaction', asks: 'asks you to send a transaction', failed: 'Not sent' },
  calls: { title: 'Send calls', asks: 'asks you to send several calls', failed: 'Not sent' },
  message: { title: 'Sign a message', asks: 'asks you to sign a message', failed: 'Not signed' },
  'typed-data': { title: 'Sign typed data', asks: 'asks you to sign typed data', failed: 'Not signed' },
};

interface RequestSheetProps {
  request: DappRequestView;
  /** Requests waiting, this one included. */
  total: number;
}

/** One request from a site: who asks, what the wallet knows about them, what they ask, and the answer. */
function RequestSheet({ request, total }: RequestSheetProps) {
  const { client } = useWallet();
  const { detail } = request;
  const accounts = useAccounts();
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [accountsTouched, setAccountsTouched] = useState(false);
  const reviewed = useDappReview(request.id, needsReview(detail));
  // Until the user picks, the first account that can sign is offered, as most sites want exactly one.
  const firstSigner = connectable(accounts.list ?? []).find((a) => a.signer !== 'watch');
  const chosen: Choices = accountsTouched
    ? choices
    : { ...choices, accountIds: firstSigner ? [firstSigner.id] : [] };
  const approve = useAction(() => client.call('dapps.approve', approvalOf(request.id, detail, chosen)));
  const reject = useAction(() => client.call('dapps.reject', { id: request.id }));
  const busy = approve.state.status === 'working' || reject.state.status === 'working';
  const ready = canApprove(detail, reviewed.review, chosen);
  const { review } = reviewed;
  const words = ASKS[detail.type];

  function body() {
    switch (detail.type) {
      case 'connect':
        return (
          <ConnectRequest
            chainId={detail.chainId}
            accounts={accounts.list}
            chosen={chosen.accountIds}
            onChange={(accountIds) => {
              setAccountsTouched(true);
              setChoices({ ...choices, accountIds });
            }}
          />
        );
      case 'switch-chain':
        return <SwitchChainRequest detail={detail} />;
      case 'add-chain':
        return <AddChainRequest detail={detail} />;
      case 'watch-asset':
        return <WatchAssetRequest detail={detail} />;
    }
    if (!review) {
      return (
        !reviewed.error && (
          <p className="site-request__quiet" role="status">
            <LoaderCircle className="spinner" size={14} aria-hidden="true" /> Reviewing on your own RPC…
          </p>
        )
      );
    }
    if (review.type === 'transaction') {
      return (
        <TransactionRequest
          review={review}
          allowRevert={chosen.allowRevert}
          onAllowRevertChange={(allowRevert) => setChoices({ ...choices, allowRevert })}
        />
      );
    }
    if (review.type === 'typed-data') {
      return (
        <TypedDataRequest
          review={review}
          consents={chosen.consents}
          onConsentsChange={(consents) => setChoices({ ...choices, consents })}
        />
      );
    }
    return detail.type === 'message' && <MessageRequest detail={detail} review={review} />;
  }

  // The line above names the site already; its `site-origin` finding is for the device overlay and the phone.
  const aboutSite = request.siteFindings.filter((finding) => finding.code !== 'site-origin');
  return (
    <Dialog
      title={words.title}
      // A site waits for an answer; Escape must not give one for the user, so it leaves the sheet open.
      onCancel={() => {}}
      description={
        <div className="site-request__head">
          <p className="site-request__who">
            <SiteName origin={request.origin} variant="header" />
            <span className="site-request__asks">{words.asks}</span>
          </p>
          {total > 1 && <p className="site-request__count">1 of {total}</p>}
          {aboutSite.length > 0 && <FindingList findings={aboutSite} />}
        </div>
      }
      actions={
        <>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => !busy && void reject.run()}
          >
            Reject
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!ready}
            aria-disabled={busy}
            onClick={() => !busy && ready && void approve.run()}
          >
            {approve.state.status === 'working' && (
              <LoaderCircle className="spinner" size={14} aria-hidden="true" />
            )}
            {approveLabel(detail, review)}
          </button>
        </>
      }
    >
      {body()}
      {reviewed.error && (
        <div className="site-request__retry">
          <ErrorNote outcome="Not reviewed" message={reviewed.error.message} detail={reviewed.error.detail} />
          <button type="button" className="button" onClick={reviewed.retry}>
            Review again
          </button>
        </div>
      )}
      {approve.state.status === 'failed' && (
        <ErrorNote outcome={words.failed} message={approve.state.message} detail={approve.state.detail} />
      )}
      {reject.state.status === 'failed' && (
        <ErrorNote outcome="Not rejected" message={reject.state.message} detail={reject.state.detail} />
      )}
    </Dialog>
  );
}

/**
 * Requests from connected sites, over any screen, oldest first, one at a time: a site waits for its answer,
 * so the wallet asks as soon as the request arrives. Signing hands over to the device overlay, as Send does.
 */
export function SiteRequestSheet({ requests }: { requests: readonly DappRequestView[] }) {
  const ordered = [...requests].sort((a, b) => a.receivedAt - b.receivedAt);
  const shown = ordered[0];
  if (!shown) return null;
  return <RequestSheet key={shown.id} request={shown} total={ordered.length} />;
}
