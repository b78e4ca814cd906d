import { LoaderCircle } from 'lucide-react';
import { useRef, type ReactNode } from 'react';
import { useAction } from '../session/useAction';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';

interface ConfirmDialogProps {
  title: string;
  /** What confirming does, and what it leaves alone. */
  description: ReactNode;
  /** The confirm button's text, e.g. "Remove contact". */
  confirmLabel: string;
  /** `danger-solid` for the loudest confirm; `danger` for an outlined one. */
  tone: 'danger' | 'danger-solid';
  /** What did not happen when `confirm` fails, e.g. "Not removed"; main's message follows it. */
  failedOutcome: string;
  /** Asks main to do it; the dialog closes once it resolves, and shows why when it rejects. */
  confirm(): Promise<unknown>;
  onClose(): void;
  /** Extra content between the description and the error, e.g. a list or a checkbox. */
  children?: ReactNode;
}

/**
 * Asks before something destructive. Cancel has focus first, so Enter on a dialog opened by mistake does
 * nothing. While main works both buttons stay focusable but inert (aria-disabled), and Escape does not close.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  tone,
  failedOutcome,
  confirm,
  onClose,
  children,
}: ConfirmDialogProps) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  const action = useAction(confirm);
  const working = action.state.status === 'working';

  return (
    <Dialog
      title={title}
      onCancel={() => !working && onClose()}
      initialFocus={cancelButton}
      description={description}
      actions={
        <>
          <button
            ref={cancelButton}
            type="button"
            className="button"
            aria-disabled={working}
            onClick={() => !working && onClose()}
          >
            Cancel
          </button>
          <button
            type="button"
            className={`button button--${tone}`}
            aria-disabled={working}
            onClick={async () => {
              if (!working && (await action.run())) onClose();
            }}
          >
            {working && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {action.state.status === 'failed' && (
        <ErrorNote outcome={failedOutcome} message={action.state.message} detail={action.state.detail} />
      )}
    </Dialog>
  );
}
