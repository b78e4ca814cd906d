import type { ReactNode } from 'react';
import './Page.css';

interface PageProps {
  title: string;
  lede: string;
  children: ReactNode;
}

/** Every console screen: one h1 with the route's name, a sentence on what the screen is for, then content. */
export function Page({ title, lede, children }: PageProps) {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">{title}</h1>
        <p className="page__lede">{lede}</p>
      </header>
      {children}
    </div>
  );
}
