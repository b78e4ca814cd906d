// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BridgeUnavailableError } from './api/bridgeTransport';
import { App } from './App';
import { ROUTES } from './routing/routes';
import { ROUTE_SCREENS } from './shell/routeScreens';
import { WalletClientDouble } from '../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;
// Screens load on demand; a cold import of one can outlast findBy's wait on a busy machine.
beforeAll(() => Promise.all(Object.values(ROUTE_SCREENS).map((screen) => screen.preload())));

beforeEach(() => {
  history.replaceState(null, '', '/');
  client = new WalletClientDouble();
});
afterEach(cleanup);

async function go(hash: string) {
  // Setting the hash the page is already on fires no hashchange, so there is nothing to wait for.
  if (location.hash === hash) return;
  await act(async () => {
    const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    location.hash = hash;
    await changed;
  });
}

describe('App', () => {
  it('without a launch link, explains how to get one and shows no console', () => {
    render(<App connection={{ ok: false, reason: 'missing-secret' }} />);
    expect(screen.getByText('This page needs the link printed by the browser host.')).toBeTruthy();
    expect(screen.getByText('npm start')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('opens on the portfolio and reaches every route from the sidebar', async () => {
    render(<App connection={{ ok: true, client }} />);
    await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
    // The default route is written to the address bar by an effect, which may land just after the heading.
    await waitFor(() => expect(location.hash).toBe('#/portfolio'));
    for (const route of ROUTES) {
      await go(`#/${route.id}`);
      expect(screen.getByRole('heading', { level: 1, name: route.title })).toBeTruthy();
      const link = screen.getByRole('link', { name: route.title });
      expect(link.getAttribute('href')).toBe(`#/${route.id}`);
      expect(link.getAttribute('aria-current')).toBe('page');
      expect(document.title).toBe(`${route.title} · Ledgerline`);
    }
  });

  it('says so for an address that is not a screen, without marking any route current', async () => {
    history.replaceState(null, '', '/#/ledger-live');
    render(<App connection={{ ok: true, client }} />);
    await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    expect(document.querySelector('[aria-current]')).toBeNull();
  });

  it('is honest that there are no accounts and no sync yet', async () => {
    render(<App connection={{ ok: true, client }} />);
    await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
    const accounts = screen.getByRole('button', { name: 'No accounts' });
    expect(await screen.findByRole('button', { name: 'Add watch-only address' })).toBeTruthy();
    await act(async () => fireEvent.click(accounts));
    expect(accounts.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('group', { name: 'Accounts' });
    expect(panel.textContent).toContain('No accounts yet');
    expect(screen.getByRole('link', { name: 'Sync off' }).getAttribute('href')).toBe('#/settings/sync');
  });

  it('offers a retry when the wallet core cannot be reached, and recovers', async () => {
    client.unreachable = new BridgeUnavailableError('The connection to the wallet host closed.');
    render(<App connection={{ ok: true, client }} />);
    await screen.findByRole('heading', { level: 1, name: 'Can’t reach the wallet core' });
    expect(screen.getByText('The connection to the wallet host closed.')).toBeTruthy();

    client.unreachable = null;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
  });
});
