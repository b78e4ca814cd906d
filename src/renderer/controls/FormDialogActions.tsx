import { LoaderCircle } from 'lucide-react';

interface FormDialogActionsProps {
  /** The form the submit button belongs to: a dialog's actions sit outside its body's <form>. */
  formId: string;
  busy: boolean;
  canSubmit: boolean;
  label: string;
  busyLabel: string;
  /** `danger` for a submit that destroys something, like a reset. */
  tone?: 'primary' | 'danger';
  onCancel(): void;
}

/**
 * Cancel and submit for a dialog with a form. While main works, both stay focusable but inert
 * (aria-disabled), so focus is not lost and a second click does not send the request twice.
 */
export function FormDialogActions({
  formId,
  busy,
  canSubmit,
  label,
  busyLabel,
  tone = 'primary',
  onCancel,
}: FormDialogActionsProps) {
  return (
    <>
      <button type="button" className="button" aria-disabled={busy} onClick={() => !busy && onCancel()}>
        Cancel
      </button>
      <button
        type="submit"
        form={formId}
        className={tone === 'danger' ? 'button button--danger-solid' : 'button button--primary'}
        disabled={!canSubmit}
        aria-disabled={busy}
      >
        {busy && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
        {busy ? busyLabel : label}
      </button>
    </>
  );
}
