import { LoaderCircle } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { RiskedAllowance } from '../../shared/approvals';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { canSign } from '../review/findingOrder';
import { DeviceLines } from '../review/DeviceLines';
import { FeeFacts } from '../review/FeeFacts';
import { FindingList } from '../review/FindingList';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { revokeGroups } from './revokeGroups';
import '../review/review.css';

interface RevokeDialogProps {
  /** Allowances of accounts that sign, on any networks: each account and network is reviewed on its own. */
  allowances: RiskedAllowance[];
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}

/**
 * Each revoke is a transaction of its own: main reviews every one first (what it does, what it costs, what
 * could go wrong, what the device will show), and Sign waits until all of them are read and none is blocked.
 */
export function RevokeDialog({ allowances, busy, error, onConfirm, onClose }: RevokeDialogProps) {
  const { client } = useWallet();
  const cancel = useRef<HTMLButtonElement>(null);
  const count = allowances.length;
  const title = count === 1 ? 'Revoke 1 allowance?' : `Revoke ${count} allowances?`;
  // Different accounts and networks have nonces of their own, so their reviews are asked side by side.
  const reviews = useAction(async () =>
    (
      await Promise.all(revokeGroups(allowances).map((group) => client.call('approvals.reviewRevoke', group)))
    ).flat(),
  );
  const reviewed = reviews.state.status === 'done' ? reviews.state.result : null;
  const signable = reviewed !== null && reviewed.every((r) => r.cannotSign === null && canSign(r, false));

  // Reviewed once, on opening: the user reads what each revoke does and costs first.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void reviews.run();
  });

  return (
    <Dialog
      title={title}
      initialFocus={cancel}
      onCancel={() => !busy && onClose()}
      description={
        <p>
          Each revoke is one transaction signed on your device
          {count > 1 ? `: you will confirm ${count} transactions, one after another` : ''}. Each pays a
          network fee.
        </p>
      }
      actions={
        <>
          <button
            ref={cancel}
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => !busy && onClose()}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger-solid"
            disabled={!signable}
            aria-disabled={busy}
            onClick={() => !busy && signable && onConfirm()}
          >
            {busy && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            {busy ? 'Waiting for the device…' : count === 1 ? 'Sign revoke' : `Sign ${count} revokes`}
          </button>
        </>
      }
    >
      {reviews.state.status !== 'done' && reviews.state.status !== 'failed' && (
        <p className="review-loading" role="status">
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          Reviewing {count === 1 ? 'the revoke' : `${count} revokes`}…
        </p>
      )}
      {reviews.state.status === 'failed' && (
        <ErrorNote outcome="Could not review" message={reviews.state.message} detail={reviews.state.detail} />
      )}
      {reviewed && (
        <ol className="review-stack" aria-label="Revokes">
          {reviewed.map((review, index) => (
            <li key={`${review.transaction.to ?? ''}-${index}`} className="review-stack__item">
              <p className="review__summary">{review.summary}</p>
              <dl className="review__facts">
                <FeeFacts review={review} />
              </dl>
              <FindingList findings={review.findings} />
              {review.cannotSign && <p className="review-aside">{review.cannotSign}</p>}
              {review.device && <DeviceLines device={review.device} />}
            </li>
          ))}
        </ol>
      )}
      {error && <ErrorNote outcome="Not revoked" message={error} />}
    </Dialog>
  );
}
