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
import { SessionRequest } from './SessionRequest';
import { SiteName } from './SiteName';
import { useDappReview } from './useDappReview';
import { VerificationMark } from './VerificationMark';
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
  session: { title: 'Connect to a dApp', asks: 'asks to connect', failed: 'Not connected' },
};

/** Verify's findings: a proposal's body says the same in its own words, so its header leaves them out. */
const VERIFICATION_FINDINGS: ReadonlySet<string> = new Set([
  'dapp-unverified',
  'dapp-domain-mismatch',
  'dapp-known-threat',
]);

/** Who asks: the site as the browser named it, or the dApp by its name, through WalletConnect, and its claim. */
function Requester({ request, asks }: { request: DappRequestView; asks: string }) {
  const { via } = request;
  if (via.kind === 'extension') {
    return (
      <p className="site-request__who">
        <SiteName origin={request.origin} variant="header" />
        <span className="site-request__asks">{asks}</span>
      </p>
    );
  }
  return (
    <>
      <p className="site-request__who">
        <span className="site-request__dapp">{via.name || 'A dApp'}</span>
        <span className="site-request__asks">{asks}</span>
      </p>
      <p className="site-request__via">
        <span>through WalletConnect, as</span>
        <SiteName origin={request.origin} variant="row" />
        <VerificationMark verification={via.verification} />
      </p>
    </>
  );
}

interface RequestSheetProps {
  request: DappRequestView;
  /** Requests waiting, this one included. */
  total: number;
}

/** One request from a site: who asks, what the wallet knows about them, what they ask, and the answer. */
function RequestSheet({ request, total }: RequestSheetProps) {
  const { client, settings } = useWallet();
  const enabled = settings.enabledChainIds;
  const { detail } = request;
  const accounts = useAccounts();
  // A proposal's optional networks start ticked where the wallet already uses them.
  const [choices, setChoices] = useState<Choices>(() =>
    detail.type === 'session'
      ? { ...NO_CHOICES, optionalChainIds: detail.optionalChainIds.filter((id) => enabled.includes(id)) }
      : NO_CHOICES,
  );
  const [accountsTouched, setAccountsTouched] = useState(false);
  const reviewed = useDappReview(request.id, needsReview(detail));
  // Until the user picks, the first account that can sign is offered, as most sites want exactly one.
  const firstSigner = connectable(accounts.list ?? []).find((a) => a.signer !== 'watch');
  const chosen: Choices = accountsTouched
    ? choices
    : { ...choices, accountIds: firstSigner ? [firstSigner.id] : [] };
  const chooseAccounts = (accountIds: number[]) => {
    setAccountsTouched(true);
    setChoices({ ...choices, accountIds });
  };
  const approve = useAction(() =>
    client.call('dapps.approve', approvalOf(request.id, detail, chosen, request.siteFindings)),
  );
  const reject = useAction(() => client.call('dapps.reject', { id: request.id }));
  const busy = approve.state.status === 'working' || reject.state.status === 'working';
  const ready = canApprove(detail, reviewed.review, chosen, request.siteFindings);
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
            onChange={chooseAccounts}
          />
        );
      case 'switch-chain':
        return <SwitchChainRequest detail={detail} />;
      case 'add-chain':
        return <AddChainRequest detail={detail} />;
      case 'watch-asset':
        return <WatchAssetRequest detail={detail} />;
      case 'session':
        return (
          <SessionRequest
            detail={detail}
            accounts={accounts.list}
            chosenAccounts={chosen.accountIds}
            onAccountsChange={chooseAccounts}
            chosenChains={chosen.optionalChainIds}
            onChainsChange={(optionalChainIds) => setChoices({ ...choices, optionalChainIds })}
          />
        );
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
  const aboutSite = request.siteFindings.filter(
    (finding) =>
      finding.code !== 'site-origin' &&
      // The proposal's body says what Verify found; a threat stays here too, where the user says to go on.
      !(
        detail.type === 'session' &&
        VERIFICATION_FINDINGS.has(finding.code) &&
        finding.severity !== 'blocking'
      ),
  );
  return (
    <Dialog
      title={words.title}
      // A site waits for an answer; Escape must not give one for the user, so it leaves the sheet open.
      onCancel={() => {}}
      description={
        <div className="site-request__head">
          <Requester request={request} asks={words.asks} />
          {total > 1 && <p className="site-request__count">1 of {total}</p>}
          {aboutSite.length > 0 && (
            <FindingList
              findings={aboutSite}
              allowRevert={chosen.allowRevert}
              onAllowRevertChange={(allowRevert) => setChoices({ ...choices, allowRevert })}
            />
          )}
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
