// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect, useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Page } from './Page';
import { RouteArrivalProvider, useRouteArrival } from './routeArrival';

afterEach(cleanup);

/** A section heading the screen moves focus to after Page, as a deep link to Settings does. */
function DeepScreen() {
  const section = useRef<HTMLHeadingElement>(null);
  useEffect(() => section.current?.focus(), []);
  return (
    <Page title="Settings" lede="Everything this wallet keeps.">
      <h2 ref={section} tabIndex={-1}>
        Networks
      </h2>
    </Page>
  );
}

/** A console in miniature: the screen named by `route`, under the route arrival of the real console. */
function Frame({ route, version = 0 }: { route: string; version?: number }) {
  const claimArrival = useRouteArrival(route);
  return (
    <>
      <a href="#/portfolio">Portfolio</a>
      <RouteArrivalProvider value={claimArrival}>
        {route === 'settings' ? (
          <DeepScreen />
        ) : (
          <Page key={version} title={route} lede="A screen.">
            <p>Content</p>
          </Page>
        )}
      </RouteArrivalProvider>
    </>
  );
}

const heading = (name: string) => screen.getByRole('heading', { level: 1, name });

describe('Page', () => {
  it('leaves focus alone on the first load', () => {
    const link = () => screen.getByRole('link', { name: 'Portfolio' });
    render(<Frame route="portfolio" />);
    expect(document.activeElement).toBe(document.body);
    link().focus();
    expect(document.activeElement).toBe(link());
  });

  it('focuses the new page’s h1 after a move to another route, from script only', () => {
    const { rerender } = render(<Frame route="portfolio" />);
    screen.getByRole('link', { name: 'Portfolio' }).focus();
    act(() => rerender(<Frame route="history" />));
    expect(document.activeElement).toBe(heading('history'));
    expect(heading('history').tabIndex).toBe(-1);
  });

  it('does not take focus again when the page mounts anew on the same route', () => {
    const { rerender } = render(<Frame route="portfolio" />);
    act(() => rerender(<Frame route="history" />));
    const link = screen.getByRole('link', { name: 'Portfolio' });
    link.focus();
    act(() => rerender(<Frame route="history" version={1} />));
    expect(document.activeElement).toBe(link);
  });

  it('focuses again on every later move, back to the first route too', () => {
    const { rerender } = render(<Frame route="portfolio" />);
    act(() => rerender(<Frame route="history" />));
    act(() => rerender(<Frame route="portfolio" />));
    expect(document.activeElement).toBe(heading('portfolio'));
  });

  it('lets a screen move focus further from its own effect, after the h1', () => {
    const { rerender } = render(<Frame route="portfolio" />);
    act(() => rerender(<Frame route="settings" />));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Networks' }));
  });

  it('never takes focus outside a console', () => {
    render(
      <Page title="Send" lede="A screen.">
        <p>Content</p>
      </Page>,
    );
    expect(document.activeElement).toBe(document.body);
  });
});
