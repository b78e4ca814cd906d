import { createContext, useContext, useState, type ReactNode } from 'react';
import type { PendingRequest } from '../client/phoneClient';
import type { SyncedName } from '../core/phoneSync';
import { describeRequest, type RequestView } from '../core/requestView';
import { DesktopReview } from './DesktopReview';
import { errorMessage, formatTimeLeft } from './format';
import { Alert } from './Screen';

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

export function RequestCard({ pending, now, nameFor, onApprove, onReject }: RequestCardProps) {
  const view = describeRequest(pending.request, now);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const warnings = view.warnings.filter((warning) => !SHOWN_ELSEWHERE.has(warning.code));
  const titleId = `request-${view.id}`;

  const answer = async (kind: 'approve' | 'reject') => {
    setBusy(kind);
    setError(null);
    try {
      await (kind === 'approve' ? onApprove(view.id) : onReject(view.id));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(null);
    }
  };

  return (
    <article className="card request" aria-labelledby={titleId}>
      <header className="request-head">
        <div>
          <h2 id={titleId}>{view.method}</h2>
          <p className="muted">From {view.desktop}</p>
        </div>
        <p className={view.expired ? 'timer expired' : 'timer'}>
          {view.expired ? 'Expired' : `Expires in ${formatTimeLeft(view.expiresInSeconds)}`}
        </p>
      </header>

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
          <CallRows view={view} sendsValue={BigInt(pending.request.tx.value) > 0n} />
        </NamesContext.Provider>
        <Row label="Max fee">{view.feeCeiling}</Row>
        <Row label="Nonce">{view.nonce}</Row>
      </dl>

      <DesktopReview review={pending.request.review} />

      {view.expired ? (
        <p className="callout neutral">
          This request expired and can no longer be approved. Ask the desktop to send it again.
        </p>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}

      <div className="actions row">
        <button
          type="button"
          className="button secondary"
          disabled={busy !== null}
          onClick={() => void answer('reject')}
        >
          {busy === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy !== null || view.expired}
          onClick={() => void answer('approve')}
        >
          {busy === 'approve' ? 'Signing…' : 'Approve'}
        </button>
      </div>
    </article>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const noNames = () => null;
const NamesContext = createContext<(address: string) => SyncedName | null>(noNames);
const SOURCE = { addressBook: 'address book', label: 'label' } as const;

/** A party's address, always in full; above it, in bold, the name the user gave it on the desktop, if any. */
function Party({ value }: { value: string }) {
  const named = useContext(NamesContext)(value);
  return (
    <>
      {named ? (
        <span className="synced-name">
          <strong>{named.name}</strong> <span className="synced-name__source">{SOURCE[named.source]}</span>
        </span>
      ) : null}
      <Address value={value} />
    </>
  );
}

function Address({ value }: { value: string }) {
  return <span className="address">{value}</span>;
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
