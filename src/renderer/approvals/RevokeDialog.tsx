import { LoaderCircle } from 'lucide-react';
import { useRef } from 'react';
import type { AllowanceView } from '../../shared/tx';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { spenderName, tokenName } from './AllowanceTable';

interface RevokeDialogProps {
  allowances: AllowanceView[];
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}

/** Says up front what revoking costs: a transaction per allowance, each confirmed on the device. */
export function RevokeDialog({ allowances, busy, error, onConfirm, onClose }: RevokeDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const count = allowances.length;
  const title = count === 1 ? 'Revoke 1 allowance?' : `Revoke ${count} allowances?`;

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
            aria-disabled={busy}
            onClick={() => !busy && onConfirm()}
          >
            {busy && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            {busy ? 'Waiting for the device…' : count === 1 ? 'Sign revoke' : `Sign ${count} revokes`}
          </button>
        </>
      }
    >
      <ul className="revoke-dialog__list">
        {allowances.map((a) => (
          <li key={`${a.token}:${a.spender}`}>
            {tokenName(a)} for {spenderName(a)}
            {a.unlimited && ' (unlimited)'}
          </li>
        ))}
      </ul>
      {error && <ErrorNote outcome="Not revoked" message={error} />}
    </Dialog>
  );
}
