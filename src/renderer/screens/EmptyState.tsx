import type { LucideIcon } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import './EmptyState.css';

interface EmptyStateProps {
  icon: LucideIcon;
  /** The state the user is in, said plainly. */
  headline: string;
  /** What to do about it now. */
  guidance: string;
  /** The buttons or links that do it, the main one first. */
  actions: ReactNode;
}

/** A screen with nothing to show yet: what is the case, and the way forward. */
export function EmptyState({ icon: Icon, headline, guidance, actions }: EmptyStateProps) {
  const headlineId = useId();
  return (
    <section className="empty-state card" aria-labelledby={headlineId}>
      <span className="empty-state__icon">
        <Icon size={20} aria-hidden="true" />
      </span>
      <h2 id={headlineId} className="empty-state__headline">
        {headline}
      </h2>
      <p className="empty-state__guidance">{guidance}</p>
      <div className="empty-state__actions">{actions}</div>
    </section>
  );
}
