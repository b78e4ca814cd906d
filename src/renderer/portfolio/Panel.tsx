import { useId, type ReactNode } from 'react';
import './Panel.css';

interface PanelProps {
  title: string;
  /** A short line beside the title saying what the figures are (and are not). */
  note?: ReactNode;
  /** Controls at the right of the title, e.g. the hidden-tokens toggle. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled region of the portfolio: its h2 names it, so assistive tech and tests find it by that name. */
export function Panel({ title, note, actions, className, children }: PanelProps) {
  const titleId = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={titleId}>
      <div className="panel__header">
        <h2 id={titleId} className="panel__title">
          {title}
        </h2>
        {note && <p className="panel__note">{note}</p>}
        {actions && <div className="panel__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
