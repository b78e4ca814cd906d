// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AT, connectedSite, LEDGER_MAIN, SAVINGS, siteRequest } from '../../../test/renderer/dappsFixture';
import { openPage, region } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

const UNISWAP = 'https://app.uniswap.org';
const LOCAL = 'http://localhost:5173';

function sitesTable() {
  return within(screen.getByRole('table', { name: 'Connected sites' }));
}

describe('Connected sites page', () => {
  it('says how to connect a site when none is', async () => {
    await openPage(client, 'sites', 'Connected sites');
    expect(await screen.findByRole('heading', { name: 'No site is connected' })).toBeTruthy();
    expect(
      screen.getByText(
        /Install the Ledgerline extension .* pair it under Browsers below, or connect a dApp through WalletConnect/,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Revoke all' })).toBeNull();
    expect(region('Browsers').getByText(/connect to 127\.0\.0\.1:47110, on this computer only/)).toBeTruthy();
    expect(region('Browsers').getByText('No browser is paired yet.')).toBeTruthy();
  });

  it('shows each site by its host, with what it sees, its network and what it left waiting', async () => {
    client.dapps.state.sites = [
      connectedSite(UNISWAP, {
        accounts: [LEDGER_MAIN, SAVINGS].map((a) => ({
          accountId: a.id,
          address: a.address,
          label: a.label,
        })),
        chainId: 8453,
        chainName: 'Base',
        lastUsedAt: Date.now() - 5 * 60_000,
      }),
      connectedSite(LOCAL, { lastUsedAt: AT }),
    ];
    client.dapps.state.requests = [
      siteRequest(UNISWAP, { type: 'switch-chain', chainId: 1, chainName: 'Ethereum' }),
    ];
    await openPage(client, 'sites', 'Connected sites');
    const table = sitesTable();
    const uniswap = within(await table.findByRole('row', { name: UNISWAP }));
    expect(uniswap.getByText('app.uniswap.org').className).toBe('site-name__host');
    expect(uniswap.getByText('https://')).toBeTruthy();
    expect(uniswap.getByText('Ledger main, Savings')).toBeTruthy();
    expect(uniswap.getByText('Base')).toBeTruthy();
    expect(uniswap.getByText('5 min ago')).toBeTruthy();
    expect(uniswap.getByText('1').textContent).toBe('1 request waiting');
    const local = within(table.getByRole('row', { name: LOCAL }));
    expect(local.getByText('localhost:5173')).toBeTruthy();
    expect(local.getByText('none')).toBeTruthy();
    // The pending request counts in the sidebar too.
    expect(screen.getByRole('link', { name: 'Connected sites 1 waiting' })).toBeTruthy();
  });

  it('turns window.ethereum on for one site, saying why it exists', async () => {
    client.dapps.state.sites = [connectedSite(UNISWAP), connectedSite(LOCAL)];
    await openPage(client, 'sites', 'Connected sites');
    const toggle = await screen.findByRole('switch', { name: 'window.ethereum on app.uniswap.org' });
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy();
    const why = document.getElementById(toggle.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toContain('older sites that do not look for wallets by EIP-6963');
    await click(toggle);
    expect(client.calls.at(-1)).toEqual({
      channel: 'dapps.setWindowEthereum',
      request: { origin: UNISWAP, on: true },
    });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    const other = screen.getByRole('switch', {
      name: 'window.ethereum on localhost:5173',
    }) as HTMLInputElement;
    expect(other.checked).toBe(false);
  });

  it('revokes one site only after confirmation', async () => {
    client.dapps.state.sites = [connectedSite(UNISWAP), connectedSite(LOCAL)];
    await openPage(client, 'sites', 'Connected sites');
    const row = within(await sitesTable().findByRole('row', { name: UNISWAP }));
    await click(row.getByRole('button', { name: 'Revoke' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Revoke app.uniswap.org?' }));
    await click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(client.calls.some((c) => c.channel === 'dapps.revoke')).toBe(false);

    await click(row.getByRole('button', { name: 'Revoke' }));
    dialog = within(screen.getByRole('dialog', { name: 'Revoke app.uniswap.org?' }));
    await click(dialog.getByRole('button', { name: 'Revoke site' }));
    expect(client.calls.at(-1)).toEqual({ channel: 'dapps.revoke', request: { origin: UNISWAP } });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sitesTable().queryByRole('row', { name: UNISWAP })).toBeNull();
    expect(sitesTable().getByRole('row', { name: LOCAL })).toBeTruthy();
  });

  it('revokes every site at once, after confirmation', async () => {
    client.dapps.state.sites = [connectedSite(UNISWAP), connectedSite(LOCAL)];
    await openPage(client, 'sites', 'Connected sites');
    await click(await screen.findByRole('button', { name: 'Revoke all' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Revoke every site in the browser?' }));
    await click(dialog.getByRole('button', { name: 'Revoke all' }));
    expect(client.calls.at(-1)?.channel).toBe('dapps.revokeAll');
    expect(screen.getByRole('heading', { name: 'No site is connected' })).toBeTruthy();
  });

  it('says in words why browsers cannot reach the wallet', async () => {
    client.dapps.state.browsers.bridge = {
      listening: false,
      port: 47110,
      error: 'Port 47110 is used by another program. Quit it, or restart the wallet.',
    };
    await openPage(client, 'sites', 'Connected sites');
    const browsers = region('Browsers');
    expect(await browsers.findByText('Browsers cannot reach the wallet')).toBeTruthy();
    expect(browsers.getByText(/used by another program/)).toBeTruthy();
  });
});

describe('Pairing a browser', () => {
  async function showCode() {
    await openPage(client, 'sites', 'Connected sites');
    await click(await region('Browsers').findByRole('button', { name: 'Pair a browser' }));
    return within(screen.getByRole('dialog', { name: 'Pair a browser' }));
  }

  it('shows a code to paste with its countdown, then the six digits, then the paired browser', async () => {
    const dialog = await showCode();
    const code = client.dapps.state.browsers.pairing?.code ?? '';
    expect(code).toMatch(/^ledgerline-extension:/);
    expect(dialog.getByText(code).tagName).toBe('CODE');
    expect(dialog.getByRole('button', { name: 'Copy pairing code' })).toBeTruthy();
    expect(dialog.getByText(/^Expires in (2:00|1:59)\. It works once\.$/)).toBeTruthy();
    expect(dialog.getByText(/open the Ledgerline extension/)).toBeTruthy();

    act(() => void client.dapps.browserHandshake('Chromium on Linux', '123456'));
    expect(dialog.getByText('123 456')).toBeTruthy();
    expect(dialog.getByText('Chromium on Linux')).toBeTruthy();
    await click(dialog.getByRole('button', { name: 'Codes match' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'browsers.confirmPairing',
      request: { id: client.dapps.state.browsers.pairing?.id, matches: true },
    });
    expect(dialog.getByRole('status').textContent).toContain('Paired with Chromium on Linux');
    await click(dialog.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const paired = within(region('Browsers').getByRole('listitem', { name: 'Chromium on Linux' }));
    expect(paired.getByText('Online now')).toBeTruthy();
  });

  it('fails when the codes differ, and starts over with a new code on request', async () => {
    const dialog = await showCode();
    const first = client.dapps.state.browsers.pairing?.id;
    act(() => void client.dapps.browserHandshake('Mallory', '654321'));
    await click(dialog.getByRole('button', { name: 'They differ' }));
    expect(dialog.getByRole('alert').textContent).toContain('The codes did not match');
    await click(dialog.getByRole('button', { name: 'Try again' }));
    expect(client.dapps.state.browsers.pairing?.id).not.toBe(first);
    expect(dialog.getByText(/^Expires in/)).toBeTruthy();
    expect(region('Browsers').getByText('No browser is paired yet.')).toBeTruthy();
  });

  it('offers a new code once the shown one ran out', async () => {
    const dialog = await showCode();
    const pairing = client.dapps.state.browsers.pairing;
    act(
      () =>
        void client.dapps.updateBrowsers({
          pairing: pairing && { ...pairing, expiresAt: Date.now() - 5_000 },
        }),
    );
    expect(dialog.getByText('Expired — show a new code')).toBeTruthy();
    expect(dialog.queryByRole('button', { name: 'Copy pairing code' })).toBeNull();
    await click(dialog.getByRole('button', { name: 'Show a new code' }));
    expect(client.dapps.state.browsers.pairing?.id).not.toBe(pairing?.id);
    expect(dialog.getByText(/^Expires in/)).toBeTruthy();
  });

  it('withdraws the code when the dialog is closed before pairing, even with Escape', async () => {
    const dialog = await showCode();
    await click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(client.calls.at(-1)?.channel).toBe('browsers.cancelPairing');
    expect(client.dapps.state.browsers.pairing).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();

    await click(region('Browsers').getByRole('button', { name: 'Pair a browser' }));
    expect(
      await within(screen.getByRole('dialog', { name: 'Pair a browser' })).findByText(/^Expires in/),
    ).toBeTruthy();
    await act(async () => fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' }));
    expect(client.calls.at(-1)?.channel).toBe('browsers.cancelPairing');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('revokes a paired browser after confirmation', async () => {
    client.dapps.state.browsers.paired = [
      {
        id: 'b'.repeat(32),
        name: 'Firefox on Linux',
        pairedAt: AT,
        lastSeenAt: Date.now() - 2 * 86_400_000,
        online: false,
      },
    ];
    await openPage(client, 'sites', 'Connected sites');
    const row = within(await region('Browsers').findByRole('listitem', { name: 'Firefox on Linux' }));
    expect(row.getByText('2 d ago')).toBeTruthy();
    await click(row.getByRole('button', { name: 'Revoke' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Revoke Firefox on Linux?' }));
    await click(dialog.getByRole('button', { name: 'Revoke browser' }));
    expect(client.calls.at(-1)).toEqual({ channel: 'browsers.revoke', request: { id: 'b'.repeat(32) } });
    expect(region('Browsers').getByText('No browser is paired yet.')).toBeTruthy();
  });
});
