import { LoaderCircle } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { OutgoingView } from '../../shared/tx';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { useChainNames } from '../history/useChainNames';
import { canSign } from '../review/findingOrder';
import { TxReviewView } from '../review/TxReviewView';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

export type ReplacementMode = 'speed-up' | 'cancel';

const WORDS: Record<ReplacementMode, { title: string; sign: string; failed: string }> = {
  'speed-up': { title: 'Speed up transaction', sign: 'Sign speed-up', failed: 'Not sped up' },
  cancel: { title: 'Cancel transaction', sign: 'Sign cancellation', failed: 'Not cancelled' },
};

/**
 * A speed-up or cancel is a new transaction at the same nonce and a higher fee: it is reviewed like any
 * other, with the old and the new max fee side by side, before the device is asked to sign it.
 */
export function ReplacementDialog({
  tx,
  mode,
  onClose,
}: {
  tx: OutgoingView;
  mode: ReplacementMode;
  onClose(): void;
}) {
  const { client } = useWallet();
  const chains = useChainNames();
  const keep = useRef<HTMLButtonElement>(null);
  const review = useAction(() => client.call('tx.reviewReplacement', { id: tx.id, mode }));
  const sign = useAction(() => client.call(mode === 'cancel' ? 'tx.cancel' : 'tx.speedUp', { id: tx.id }));
  const words = WORDS[mode];
  const busy = sign.state.status === 'working';
  const reviewed = review.state.status === 'done' ? review.state.result : null;
  const signable = reviewed !== null && reviewed.cannotSign === null && canSign(reviewed, false);
  // Reviewed once, when the dialog opens: the review is what the user reads before the Sign button wakes.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void review.run();
  });

  return (
    <Dialog
      title={words.title}
      initialFocus={keep}
      onCancel={() => !busy && onClose()}
      description={
        mode === 'cancel' ? (
          <p>
            This signs a new transaction with the same nonce ({tx.nonce}) on {chains.name(tx.chainId)}: it
            sends nothing to yourself and pays a higher fee, so the network drops the original. If the
            original is included first, the cancellation fails instead, and its fee is still paid.
          </p>
        ) : (
          <p>
            This signs the same transaction again with the same nonce ({tx.nonce}) on{' '}
            {chains.name(tx.chainId)} and a higher fee, so the network includes it sooner than the original.
          </p>
        )
      }
      actions={
        <>
          <button
            ref={keep}
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => !busy && onClose()}
          >
            Keep it
          </button>
          <button
            type="button"
            className={mode === 'cancel' ? 'button button--danger-solid' : 'button button--primary'}
            disabled={!signable}
            aria-disabled={busy}
            onClick={async () => {
              if (!busy && signable && (await sign.run())) onClose();
            }}
          >
            {busy && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            {busy ? 'Waiting for the device…' : words.sign}
          </button>
        </>
      }
    >
      {review.state.status === 'working' && (
        <p className="review-loading" role="status">
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          Reviewing the replacement…
        </p>
      )}
      {review.state.status === 'failed' && (
        <ErrorNote outcome="Could not review" message={review.state.message} detail={review.state.detail} />
      )}
      {reviewed && <TxReviewView review={reviewed} />}
      {reviewed?.cannotSign && <ErrorNote outcome="Cannot sign" message={reviewed.cannotSign} />}
      {sign.state.status === 'failed' && (
        <ErrorNote outcome={words.failed} message={sign.state.message} detail={sign.state.detail} />
      )}
    </Dialog>
  );
}
