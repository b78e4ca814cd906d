import { TriangleAlert, X } from 'lucide-react';
import './SaveError.css';

interface SaveErrorProps {
  id?: string;
  message: string;
  /** Offered where the message would otherwise sit over other content until the next change. */
  onDismiss?: () => void;
}

/** Why a change did not stick, in main's words, announced as soon as it appears. */
export function SaveError({ id, message, onDismiss }: SaveErrorProps) {
  return (
    <div id={id} className="save-error" role="alert">
      <TriangleAlert className="save-error__icon" size={14} aria-hidden="true" />
      <p className="save-error__text">Not saved: {message}</p>
      {onDismiss && (
        <button type="button" className="save-error__dismiss" onClick={onDismiss} aria-label="Dismiss">
          <X size={14} aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
