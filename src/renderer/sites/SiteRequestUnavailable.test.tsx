// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureConsoleErrors } from '../../../test/renderer/consoleErrors';
import { siteRequest } from '../../../test/renderer/dappsFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { App } from '../App';
import { preloadScreenAt } from '../shell/routeScreens';

// The request sheet's chunk never arrives in these tests; the real sheet has tests of its own.
vi.mock('./SiteRequestSheet', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

let client: WalletClientDouble;
const logged = captureConsoleErrors();
beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(() => {
  cleanup();
});

describe('Site requests whose sheet cannot load', () => {
  it('stay in view, oldest first, and can be rejected one by one', async () => {
    history.replaceState(null, '', '/#/portfolio');
    await preloadScreenAt('#/portfolio');
    render(<App connection={{ ok: true, client }} />);
    await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
    const later = siteRequest(
      'https://later.example',
      { type: 'switch-chain', chainId: 10, chainName: 'OP' },
      2,
    );
    const first = siteRequest(
      'https://first.example',
      { type: 'switch-chain', chainId: 10, chainName: 'OP' },
      1,
    );
    act(() => [later, first].forEach((request) => client.dapps.ask(request)));

    const dialog = within(await screen.findByRole('dialog', { name: 'Sites are waiting for answers' }));
    expect(dialog.getByText(/sheet that shows a site’s request could not load/)).toBeTruthy();
    expect(dialog.getByText('https://first.example')).toBeTruthy();
    expect(logged()).toHaveBeenCalledWith('The site request sheet could not load:', expect.anything());

    // Escape answers nothing for the user.
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Reject' })));
    expect(client.calls.filter((call) => call.channel === 'dapps.reject')).toEqual([
      { channel: 'dapps.reject', request: { id: first.id } },
    ]);
    const next = within(await screen.findByRole('dialog', { name: 'A site is waiting for an answer' }));
    expect(next.getByText('https://later.example')).toBeTruthy();
  });
});
