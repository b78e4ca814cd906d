import type { ReactNode } from 'react';
import { LedgerlineMark } from '../shell/LedgerlineMark';
import './FullPageMessage.css';

interface FullPageMessageProps {
  title: string;
  /** Hold the message back briefly, for states that are normally over before anyone could read them. */
  delayed?: boolean;
  children: ReactNode;
}

/** For the states in which there is no console to show yet: no link, no core, still connecting. */
export function FullPageMessage({ title, delayed = false, children }: FullPageMessageProps) {
  return (
    <main className="full-page" data-delayed={delayed || undefined}>
      <div className="full-page__panel">
        <div className="full-page__brand">
          <LedgerlineMark />
          <span>Ledgerline</span>
        </div>
        <h1 className="full-page__title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
