import { Dialog } from '../controls/Dialog';
import type { Failure } from './FailureBoundary';
import { ReloadButton } from './ReloadButton';

interface UnavailableDialogProps {
  /** The dialog's own title, so the user sees that what they opened is the one that failed. */
  title: string;
  failure: Failure;
  onReload(): void;
  onClose(): void;
}

/** In place of a dialog that could not load or stopped on an error: nothing was done, and the way on. */
export function UnavailableDialog({ title, failure, onReload, onClose }: UnavailableDialogProps) {
  return (
    <Dialog
      title={title}
      onCancel={onClose}
      description={
        <p>
          {failure === 'load'
            ? 'This dialog could not load. Nothing was changed; reload to try again.'
            : 'This dialog stopped on an error. Nothing was changed; reload to try again.'}
        </p>
      }
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <ReloadButton onReload={onReload} />
        </>
      }
    />
  );
}
