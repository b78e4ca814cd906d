import type { ReactNode } from 'react';

/** One screen of the companion: its single h1, an optional step label, and its content. */
export function Screen({ title, step, children }: { title: string; step?: string; children: ReactNode }) {
  return (
    <main className="screen">
      {step ? <p className="step">{step}</p> : null}
      <h1>{title}</h1>
      {children}
    </main>
  );
}

export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="callout danger">
      {children}
    </div>
  );
}
