import { TriangleAlert, X, type LucideIcon } from 'lucide-react';
import type { ReactNode, Ref } from 'react';
import './Callout.css';

interface CalloutProps {
  /** Info is for a standing note the user may want to know, never for something that went wrong. */
  tone: 'danger' | 'warning' | 'info';
  icon?: LucideIcon;
  title?: ReactNode;
  id?: string;
  /** For something that just went wrong; a standing state shown with the page needs no announcement. */
  role?: 'alert';
  /** Offered where the message would otherwise sit over other content until the next change. */
  onDismiss?: () => void;
  /** For a message that takes focus when it appears (ErrorNote): -1 lets script focus it, never Tab. */
  tabIndex?: -1;
  ref?: Ref<HTMLDivElement>;
  children: ReactNode;
}

/** A boxed message that must not be missed: a failure, or a state the user has to act on. */
export function Callout({
  tone,
  icon: Icon = TriangleAlert,
  title,
  id,
  role,
  onDismiss,
  tabIndex,
  ref,
  children,
}: CalloutProps) {
  return (
    <div ref={ref} id={id} className="callout" data-tone={tone} role={role} tabIndex={tabIndex}>
      <Icon className="callout__icon" size={title ? 16 : 14} aria-hidden="true" />
      <div className="callout__body">
        {title && <p className="callout__title">{title}</p>}
        <div className="callout__text">{children}</div>
      </div>
      {onDismiss && (
        <button type="button" className="callout__dismiss" onClick={onDismiss} aria-label="Dismiss">
          <X size={14} aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
