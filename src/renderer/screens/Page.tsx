import { useEffect, useRef, type ReactNode } from 'react';
import { useClaimArrival } from './routeArrival';
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

/**
 * Every console screen: one h1 with the route's name, a sentence on what the screen is for, then content.
 * After a move to another route the h1 takes focus, so the next Tab starts in the new content and a screen
 * reader reads where the user landed. A screen with a deeper target (a Settings section) moves focus on from
 * its own effect, which React runs after this one.
 */
export function Page({ title, lede, actions, wide, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const claimArrival = useClaimArrival();

  useEffect(() => {
    if (claimArrival()) heading.current?.focus();
  }, [claimArrival]);

  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <header className="page__header">
        <div className="page__heading">
          <h1 ref={heading} className="page__title" tabIndex={-1}>
            {title}
          </h1>
          <p className="page__lede">{lede}</p>
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}
