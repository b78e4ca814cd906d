import type { ReactNode } from 'react';
import './Page.css';

interface PageProps {
  title: string;
  lede: string;
  /** Page-wide commands (e.g. Refresh), at the right of the title. */
  actions?: ReactNode;
  /** For screens built around wide tables, which the reading width would cramp. */
  wide?: boolean;
  children: ReactNode;
}

/** Every console screen: one h1 with the route's name, a sentence on what the screen is for, then content. */
export function Page({ title, lede, actions, wide, children }: PageProps) {
  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <header className="page__header">
        <div className="page__heading">
          <h1 className="page__title">{title}</h1>
          <p className="page__lede">{lede}</p>
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}
