// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureConsoleErrors } from '../../../test/renderer/consoleErrors';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

// The History screen's chunk fails to arrive while `missing`, then loads as it should. The real module is
// imported even when the fetch "fails", so the load that succeeds later does not wait on its first transform.
const chunk = vi.hoisted(() => ({ missing: false, fetches: 0 }));
vi.mock('../history/HistoryPage', async (importOriginal) => {
  chunk.fetches++;
  const original = await importOriginal();
  if (chunk.missing) throw new TypeError('Failed to fetch dynamically imported module');
  return original;
});

let client: WalletClientDouble;
const logged = captureConsoleErrors();
beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(() => {
  cleanup();
});

async function go(hash: string) {
  await act(async () => {
    const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    location.hash = hash;
    await changed;
  });
}

const failure = () => screen.findByRole('heading', { level: 2, name: 'History could not load' });

describe('Console', () => {
  it('says which screen could not load, keeps the sidebar working, and loads it on Reload', async () => {
    chunk.missing = true;
    await openPage(client, 'portfolio', 'Portfolio');
    await go('#/history');
    await failure();
    expect(screen.getByRole('heading', { level: 1, name: 'History' })).toBeTruthy();
    expect(logged()).toHaveBeenCalledWith('History could not load:', expect.anything());

    // Another screen clears the failure; the sidebar is still there to go to it.
    fireEvent.click(screen.getByRole('link', { name: 'Portfolio' }));
    await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
    expect(screen.queryByText('History could not load')).toBeNull();

    await go('#/history');
    const fetched = chunk.fetches;
    fireEvent.click(await screen.findByRole('button', { name: 'Reload' }));
    await failure();
    expect(chunk.fetches).toBeGreaterThan(fetched);

    chunk.missing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await screen.findByText('Everything your accounts did, across every network, in one timeline.');
    expect(screen.queryByText('History could not load')).toBeNull();
    // The Reload button went with the failure; focus waits in the content pane, not on the page's body.
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});
