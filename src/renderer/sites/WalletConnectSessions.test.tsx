// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LEDGER_MAIN,
  SAVINGS,
  sessionProposal,
  siteRequest,
  walletConnectSession,
} from '../../../test/renderer/dappsFixture';
import { QR_URI } from '../../../test/renderer/double/walletConnectCalls';
import { openPage, region } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.accounts = [LEDGER_MAIN, SAVINGS];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

const UNISWAP = 'https://app.uniswap.org';
const URI = 'wc:a1b2c3d4@2?relay-protocol=irn&symKey=5e6f';

const sessions = () => within(region('WalletConnect').getByRole('table', { name: 'WalletConnect sessions' }));

async function openDialog() {
  await openPage(client, 'sites', 'Connected sites');
  await click(await region('WalletConnect').findByRole('button', { name: 'Connect a dApp' }));
  return within(screen.getByRole('dialog', { name: 'Connect a dApp' }));
}

describe('WalletConnect on the Connected sites page', () => {
  it('lists each session: the dApp, its claimed domain and what Verify said, in words', async () => {
    const topic = 'cd'.repeat(32);
    client.walletConnect.view.sessions = [
      walletConnectSession(UNISWAP, {
        accounts: [LEDGER_MAIN, SAVINGS].map((a) => ({
          accountId: a.id,
          address: a.address,
          label: a.label,
        })),
        chains: [
          { chainId: 1, name: 'Ethereum' },
          { chainId: 8453, name: 'Base' },
        ],
        lastUsedAt: Date.now() - 3 * 60_000,
      }),
      walletConnectSession('https://uniswap-claim.example', {
        topic,
        name: 'Uniswap Rewards',
        verification: 'threat',
      }),
    ];
    client.dapps.state.requests = [
      {
        ...siteRequest('https://uniswap-claim.example', { type: 'connect', chainId: 1 }),
        via: {
          kind: 'walletconnect',
          topic,
          name: 'Uniswap Rewards',
          verification: 'threat',
        },
      },
    ];
    await openPage(client, 'sites', 'Connected sites');
    expect(
      await region('WalletConnect').findByText('Through the relay at relay.walletconnect.org.'),
    ).toBeTruthy();
    const uniswap = within(sessions().getByRole('row', { name: 'Uniswap' }));
    expect(uniswap.getByText('app.uniswap.org')).toBeTruthy();
    expect(uniswap.getByText('Verified domain')).toBeTruthy();
    expect(uniswap.getByText('Ledger main, Savings')).toBeTruthy();
    expect(uniswap.getByText('Base')).toBeTruthy();
    expect(uniswap.getByText('3 min ago')).toBeTruthy();
    expect(uniswap.getByText('none')).toBeTruthy();
    const scam = within(sessions().getByRole('row', { name: 'Uniswap Rewards' }));
    expect(scam.getByText('Known threat').closest('.badge')?.getAttribute('data-tone')).toBe('danger');
    expect(scam.getByText('1').textContent).toBe('1 request waiting');
    // With no site through the extension, the page is not empty, and Revoke all ends the sessions too.
    expect(screen.queryByRole('heading', { name: 'No site is connected' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Revoke all' })).toBeTruthy();
  });

  it('disconnects a session after confirmation, on both sides at once', async () => {
    const session = walletConnectSession(UNISWAP);
    client.walletConnect.view.sessions = [session];
    await openPage(client, 'sites', 'Connected sites');
    await click(await sessions().findByRole('button', { name: 'Disconnect' }));
    const confirm = within(screen.getByRole('dialog', { name: 'Disconnect Uniswap?' }));
    expect(confirm.getByText(/ends on both sides at once/)).toBeTruthy();
    await click(confirm.getByRole('button', { name: 'Disconnect' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'walletconnect.disconnect',
      request: { topic: session.topic },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(region('WalletConnect').getByText('No dApp is connected through WalletConnect.')).toBeTruthy();
  });

  it('says plainly that a project id is missing, with the way to Settings', async () => {
    client.walletConnect.view.status = {
      state: 'needs-project-id',
      relayUrl: 'wss://relay.walletconnect.org',
      error: null,
    };
    await openPage(client, 'sites', 'Connected sites');
    const section = region('WalletConnect');
    expect(await section.findByText('WalletConnect needs a project id')).toBeTruthy();
    const link = section.getByRole('link', { name: 'Set a project id in Settings' });
    expect(link.getAttribute('href')).toBe('#/settings/walletconnect');
  });

  it('says why the relay is offline, and follows the relay as it comes back', async () => {
    client.walletConnect.view.status = {
      state: 'offline',
      relayUrl: 'wss://relay.walletconnect.org',
      error: 'No internet: the relay at relay.walletconnect.org cannot be reached.',
    };
    await openPage(client, 'sites', 'Connected sites');
    const section = region('WalletConnect');
    expect(await section.findByText('WalletConnect is offline')).toBeTruthy();
    expect(section.getByText(/^No internet/)).toBeTruthy();
    act(() => {
      client.walletConnect.update({
        status: { state: 'online', relayUrl: 'wss://relay.walletconnect.org', error: null },
      });
    });
    expect(section.queryByText('WalletConnect is offline')).toBeNull();
    expect(section.getByText('Online')).toBeTruthy();
  });
});

describe('Connect a dApp', () => {
  it('pairs with a pasted link, waits for the proposal, then hands over to the request sheet', async () => {
    const dialog = await openDialog();
    const field = dialog.getByRole('textbox', { name: 'WalletConnect link' });
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: `  ${URI} ` } });
    await click(dialog.getByRole('button', { name: 'Connect' }));
    expect(client.calls.at(-1)).toEqual({ channel: 'walletconnect.pair', request: { uri: URI } });
    expect(dialog.getByRole('status').textContent).toContain('Waiting for the dApp to ask to connect');

    const startedAt = client.walletConnect.view.pairing?.startedAt ?? 0;
    act(() => {
      client.dapps.ask(sessionProposal(UNISWAP, 'validated'));
      client.walletConnect.update({ pairing: { state: 'proposed', error: null, startedAt } });
    });
    expect(screen.queryByRole('dialog', { name: 'Connect a dApp' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Connect to a dApp' })).toBeTruthy();
  });

  it('shows main’s refusal next to the field, and a failed pairing in words', async () => {
    const dialog = await openDialog();
    const field = dialog.getByRole('textbox', { name: 'WalletConnect link' });
    fireEvent.change(field, { target: { value: 'https://app.uniswap.org' } });
    await click(dialog.getByRole('button', { name: 'Connect' }));
    expect(dialog.getByText(/This is not a WalletConnect link/).closest('form')).toBeTruthy();

    fireEvent.change(field, { target: { value: URI } });
    await click(dialog.getByRole('button', { name: 'Connect' }));
    const startedAt = client.walletConnect.view.pairing?.startedAt ?? 0;
    act(() => {
      client.walletConnect.update({
        pairing: { state: 'failed', error: 'The dApp’s link had expired. Show a new QR code.', startedAt },
      });
    });
    expect(dialog.getByRole('alert').textContent).toContain('The dApp’s link had expired');
    expect(dialog.getByRole('textbox', { name: 'WalletConnect link' })).toBeTruthy();
  });

  it('reads the clipboard in main only when asked, and says what it held instead of a code', async () => {
    const dialog = await openDialog();
    await click(dialog.getByRole('button', { name: 'Read QR code from clipboard' }));
    expect(client.calls.at(-1)?.channel).toBe('walletconnect.pairClipboard');
    expect(dialog.getByText(/The clipboard holds no image and no wc: link/)).toBeTruthy();

    client.walletConnect.clipboard = { image: 'qr' };
    await click(dialog.getByRole('button', { name: 'Read QR code from clipboard' }));
    expect(client.walletConnect.paired).toEqual([QR_URI]);
    expect(dialog.getByRole('status').textContent).toContain('Waiting for the dApp');
  });

  it('says so when no screen was shared, without opening the picker', async () => {
    const getDisplayMedia = vi.fn(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getDisplayMedia } });
    const dialog = await openDialog();
    await click(dialog.getByRole('button', { name: 'Read QR code from screen' }));
    expect(getDisplayMedia).toHaveBeenCalledWith({ video: true, audio: false });
    expect(dialog.getByText(/No screen was shared, so no QR code was read/)).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Pick the QR code' })).toBeNull();
  });

  it('says WalletConnect is off until a project id is set', async () => {
    client.walletConnect.view.status = {
      state: 'needs-project-id',
      relayUrl: 'wss://relay.walletconnect.org',
      error: null,
    };
    const dialog = await openDialog();
    expect(dialog.getByText('WalletConnect needs a project id')).toBeTruthy();
    fireEvent.change(dialog.getByRole('textbox', { name: 'WalletConnect link' }), { target: { value: URI } });
    await click(dialog.getByRole('button', { name: 'Connect' }));
    expect(dialog.getByText(/set one in Settings › WalletConnect/)).toBeTruthy();
  });
});
