import { useState } from 'react';
import { errorMessage } from './format';
import { Alert } from './Screen';

export interface RequestAnswerProps {
  id: string;
  expired: boolean;
  onApprove(id: string): Promise<void>;
  onReject(id: string): Promise<void>;
}

/** Reject and Approve, for every kind of request: busy while the phone answers, and why it failed. */
export function RequestAnswer({ id, expired, onApprove, onReject }: RequestAnswerProps) {
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const answer = async (kind: 'approve' | 'reject') => {
    setBusy(kind);
    setError(null);
    try {
      await (kind === 'approve' ? onApprove(id) : onReject(id));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(null);
    }
  };

  return (
    <>
      {expired ? (
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
          disabled={busy !== null || expired}
          onClick={() => void answer('approve')}
        >
          {busy === 'approve' ? 'Signing…' : 'Approve'}
        </button>
      </div>
    </>
  );
}
