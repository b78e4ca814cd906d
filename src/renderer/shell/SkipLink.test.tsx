// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SkipLink } from './SkipLink';

afterEach(cleanup);

function Frame({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  return (
    <>
      <SkipLink target={main} />
      <nav>
        <a href="#/portfolio">Portfolio</a>
      </nav>
      <main ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

describe('SkipLink', () => {
  it('moves focus to the page’s h1 and leaves the route alone', () => {
    window.location.hash = '#/send';
    render(
      <Frame>
        <h1 tabIndex={-1}>Send</h1>
      </Frame>,
    );
    const link = screen.getByRole('link', { name: 'Skip to content' });
    expect(fireEvent.click(link)).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Send' }));
    expect(window.location.hash).toBe('#/send');
  });

  it('moves focus to <main> itself when the page shows no heading', () => {
    render(
      <Frame>
        <p>Connecting…</p>
      </Frame>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});
