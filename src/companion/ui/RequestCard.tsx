import type { PendingRequest } from '../client/phoneClient';
import type { SyncedName } from '../core/phoneSync';
import { describeRequest, type RequestView } from '../core/requestView';
import type { SignRequestMessage } from '../core/signRequest';
import { DesktopReview } from './DesktopReview';
import { RequestAnswer } from './RequestAnswer';
import { Address, NamesContext, noNames, Party, RequestHeader, Row } from './RequestParts';
import { SafeRequestCard } from './SafeRequestCard';

export interface RequestCardProps {
  pending: PendingRequest;
  now: number;
  /** The name synced from the desktop's address book or labels for an address on the request's chain. */
  nameFor?(address: string): SyncedName | null;
  onApprove(id: string): Promise<void>;
  onReject(id: string): Promise<void>;
}

// Shown apart from the list: the network notice has its own panel, and expiry replaces the buttons' use.
const SHOWN_ELSEWHERE = new Set(['network_differs', 'expired']);
// Ways to lose funds beyond this one transaction, or to sign something the phone cannot read.
const SEVERE = new Set([
  'unlimited_approval',
  'approval_for_all',
  'contract_creation',
  'zero_address',
  'unreadable_call',
  'unknown_chain',
]);

export function RequestCard(props: RequestCardProps) {
  const { request } = props.pending;
  return request.t === 'safeSign' ? (
    <SafeRequestCard {...props} request={request} />
  ) : (
    <TransactionCard {...props} request={request} />
  );
}

function TransactionCard({
  request,
  now,
  nameFor,
  onApprove,
  onReject,
}: RequestCardProps & { request: SignRequestMessage }) {
  const view = describeRequest(request, now);
  const warnings = view.warnings.filter((warning) => !SHOWN_ELSEWHERE.has(warning.code));
  const titleId = `request-${view.id}`;

  return (
    <article className="card request" aria-labelledby={titleId}>
      <RequestHeader
        titleId={titleId}
        title={view.method}
        desktop={view.desktop}
        expired={view.expired}
        expiresInSeconds={view.expiresInSeconds}
      />

      {view.networkDiffers ? (
        <div className="callout network">
          <p>
            <strong>Different network.</strong> The desktop is on {view.desktopNetwork.name}, this request is
            for {view.chain.name}.
          </p>
        </div>
      ) : null}

      {warnings.length > 0 ? (
        <ul
          className={`callout warnings ${warnings.some((w) => SEVERE.has(w.code)) ? 'danger' : 'warning'}`}
          aria-label="Warnings"
        >
          {warnings.map((warning) => (
            <li key={warning.code}>{warning.message}</li>
          ))}
        </ul>
      ) : null}

      <p className="muted">Decoded by this phone, which signs exactly this:</p>
      <dl className="details">
        <Row label="Network">
          {view.chain.name}
          {view.chain.known ? null : <span className="muted"> (unknown to this phone)</span>}
        </Row>
        <NamesContext.Provider value={nameFor ?? noNames}>
          <CallRows view={view} sendsValue={BigInt(request.tx.value) > 0n} />
        </NamesContext.Provider>
        <Row label="Max fee">{view.feeCeiling}</Row>
        <Row label="Nonce">{view.nonce}</Row>
      </dl>

      <DesktopReview review={request.review} />

      <RequestAnswer id={view.id} expired={view.expired} onApprove={onApprove} onReject={onReject} />
    </article>
  );
}

function CallRows({ view, sendsValue }: { view: RequestView; sendsValue: boolean }) {
  const { call } = view;
  const alsoSends = sendsValue ? <Row label="Also sends">{view.value}</Row> : null;
  switch (call.kind) {
    case 'transfer':
      return (
        <>
          <Row label="Amount">
            <span className="amount">{view.value}</span>
          </Row>
          <Row label="To">
            <Party value={view.to ?? ''} />
          </Row>
        </>
      );
    case 'contract_creation':
      return (
        <>
          <Row label="To">New contract</Row>
          {alsoSends}
        </>
      );
    case 'token_transfer':
    case 'token_transfer_from':
    case 'token_approve':
      return (
        <>
          <Row label={call.kind === 'token_approve' ? 'Allowance' : 'Amount'}>
            <span className="amount">{call.amount}</span>
          </Row>
          {call.kind === 'token_transfer_from' ? (
            <Row label="From">
              <Party value={call.from} />
            </Row>
          ) : null}
          {call.kind === 'token_approve' ? (
            <Row label="Spender">
              <Party value={call.spender} />
            </Row>
          ) : (
            <Row label="To">
              <Party value={call.recipient} />
            </Row>
          )}
          <Row label="Token">
            {call.token.symbol ?? 'Unknown token'}
            <br />
            <Address value={call.token.address} />
          </Row>
          {alsoSends}
        </>
      );
    case 'approval_for_all':
      return (
        <>
          <Row label="Collection">
            <Party value={call.collection} />
          </Row>
          <Row label="Operator">
            <Party value={call.operator} />
          </Row>
          {alsoSends}
        </>
      );
    case 'contract_call':
      return (
        <>
          <Row label="Contract">
            <Party value={view.to ?? ''} />
          </Row>
          <Row label="Method">
            <code>{call.selector}</code>
          </Row>
          {alsoSends}
        </>
      );
  }
}
