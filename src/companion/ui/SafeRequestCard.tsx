import type { SafeSignRequestMessage } from '../../shared/pairing/messages';
import type { SyncedName } from '../core/phoneSync';
import { describeSafeRequest, type SafeRequestWarning } from '../core/safeRequest';
import { RequestAnswer } from './RequestAnswer';
import { NamesContext, noNames, Party, RequestHeader, Row } from './RequestParts';

export interface SafeRequestCardProps {
  request: SafeSignRequestMessage;
  now: number;
  nameFor?(address: string): SyncedName | null;
  onApprove(id: string): Promise<void>;
  onReject(id: string): Promise<void>;
}

// Ways the Safe can lose more than this transaction moves, or a call the phone cannot read.
const SEVERE = new Set<SafeRequestWarning['code']>([
  'owner_change',
  'delegatecall',
  'self_call',
  'unlimited_approval',
  'unreadable_call',
  'unknown_chain',
]);

function warningText(warning: SafeRequestWarning): string {
  return warning.code === 'from_desktop' ? `The desktop says: ${warning.message}` : warning.message;
}

/**
 * A request to co-sign a Safe transaction: the Safe, the inner call and the hash, all worked out on the phone
 * from the transaction itself; only the confirmations so far and the desktop's warnings are its word.
 */
export function SafeRequestCard({ request, now, nameFor, onApprove, onReject }: SafeRequestCardProps) {
  const view = describeSafeRequest(request, now);
  const warnings = view.warnings.filter((warning) => warning.code !== 'expired');
  const titleId = `request-${view.id}`;

  return (
    <article className="card request" aria-labelledby={titleId}>
      <RequestHeader
        titleId={titleId}
        title="Safe transaction"
        desktop={view.desktop}
        expired={view.expired}
        expiresInSeconds={view.expiresInSeconds}
      />

      {warnings.length > 0 ? (
        <ul
          className={`callout warnings ${warnings.some((w) => SEVERE.has(w.code)) ? 'danger' : 'warning'}`}
          aria-label="Warnings"
        >
          {warnings.map((warning, index) => (
            <li key={`${warning.code}-${index}`}>{warningText(warning)}</li>
          ))}
        </ul>
      ) : null}

      <p className="muted">Decoded and hashed by this phone, which co-signs exactly this:</p>
      <NamesContext.Provider value={nameFor ?? noNames}>
        <dl className="details">
          <Row label="Safe">
            <Party value={view.safe} />
          </Row>
          <Row label="Network">
            {view.chain.name}
            {view.chain.known ? null : <span className="muted"> (unknown to this phone)</span>}
          </Row>
          <Row label="Action">
            <strong className="safe-call">{view.call.summary}</strong>
          </Row>
          <Row label="Signatures">{`${view.signed} of ${view.threshold} signed`}</Row>
          {request.confirmations.map((confirmation, index) => (
            <Row key={index} label="Signed by">
              <Party value={confirmation.owner} />
              <span className="muted"> on {confirmation.device}</span>
            </Row>
          ))}
          <Row label="Safe nonce">{view.nonce}</Row>
          <Row label="Safe transaction hash">
            <code className="hash">{view.safeTxHash}</code>
          </Row>
        </dl>
      </NamesContext.Provider>

      <RequestAnswer id={view.id} expired={view.expired} onApprove={onApprove} onReject={onReject} />
    </article>
  );
}
