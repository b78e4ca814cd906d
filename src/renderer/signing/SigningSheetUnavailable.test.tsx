// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureConsoleErrors } from '../../../test/renderer/consoleErrors';
import type { SigningRequestView } from '../../shared/devices';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { pairedPhone, phoneRequest } from '../../../test/renderer/pairingFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import type { App as AppType } from '../App';

// The signing sheet's chunk fails to arrive while `missing`, then loads as it should.
const chunk = vi.hoisted(() => ({ missing: true }));
vi.mock('./SigningSheet', async (importOriginal) => {
  if (chunk.missing) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

// The sheet's first real import, with all it brings, can outlast findBy's usual wait on a busy machine.
const SHEET_IMPORT = { timeout: 5_000 };

let App: typeof AppType;
let client: WalletClientDouble;
const logged = captureConsoleErrors();
const ledger = ledgerDevice();
const main = deviceAccount(1, ledger, 'ledger-live', 0, 'Main');

beforeEach(async () => {
  // A loaded chunk stays loaded for the page's life: each test starts from a page that has not loaded it.
  // (Only one test loads the real sheet: vitest keeps a mocked module's original across resetModules.)
  vi.resetModules();
  ({ App } = await import('../App'));
  chunk.missing = true;
  client = new WalletClientDouble();
  client.devices = [ledger];
  client.accounts = [main];
});
afterEach(() => {
  cleanup();
});

/** The console on Portfolio, its signing sheet not loaded (openPage would load it first). */
async function openConsole() {
  history.replaceState(null, '', '/#/portfolio');
  const { preloadScreenAt } = await import('../shell/routeScreens');
  await preloadScreenAt('#/portfolio');
  render(<App connection={{ ok: true, client }} />);
  await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
  await act(async () => {});
}

function ledgerRequest(change: Partial<SigningRequestView> = {}): SigningRequestView {
  return {
    id: 'r1',
    action: 'message',
    account: { id: 1, address: main.address, label: 'Main' },
    signer: { kind: 'ledger', label: 'Cold storage', fingerprint: 'f00dbabe', model: 'Nano S Plus' },
    check: [{ label: 'Message hash', value: '0x5678' }],
    blind: false,
    review: null,
    status: 'awaiting_confirmation',
    expiresAt: null,
    error: null,
    startedAt: 1_700_000_000_000,
    ...change,
  };
}

describe('Signing overlay whose sheet cannot load', () => {
  it('keeps a device’s request in view, warns against approving it, and shows the sheet on Reload', async () => {
    await openConsole();
    act(() => client.emit('signing.request', ledgerRequest()));
    const dialog = within(await screen.findByRole('dialog', { name: 'A signing request is waiting' }));
    expect(dialog.getByText(/Cold storage/).textContent).toContain('f00dbabe');
    expect(dialog.getByText('Do not approve it yet')).toBeTruthy();
    expect(dialog.getByText(/reject it on the device/)).toBeTruthy();
    expect(logged()).toHaveBeenCalledWith('The signing sheet could not load:', expect.anything());

    // Still missing: the request stays, with the same warning.
    fireEvent.click(dialog.getByRole('button', { name: 'Reload' }));
    await screen.findByRole('dialog', { name: 'A signing request is waiting' });

    chunk.missing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    const sheet = within(await screen.findByRole('dialog', { name: 'Confirm on your Ledger' }, SHEET_IMPORT));
    expect(sheet.getByText('0x5678')).toBeTruthy();
  });

  it('lets a phone’s request be cancelled, and the ended request be closed', async () => {
    await openConsole();
    act(() => client.askPhone(phoneRequest(pairedPhone('Alice’s phone'))));
    const dialog = within(await screen.findByRole('dialog', { name: 'A signing request is waiting' }));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Cancel request' })));
    expect(client.calls.at(-1)).toEqual({ channel: 'signing.cancel', request: { id: 'phone-request-1' } });
    const ended = within(await screen.findByRole('dialog', { name: 'A signing request ended' }));
    expect(ended.queryByText('Do not approve it yet')).toBeNull();
    fireEvent.click(ended.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes a failed request onto the next one, which stays in view', async () => {
    await openConsole();
    act(() => client.emit('signing.request', ledgerRequest({ status: 'failed' })));
    act(() =>
      client.emit(
        'signing.request',
        ledgerRequest({ id: 'r2', signer: { ...ledgerRequest().signer, label: 'Spare' } }),
      ),
    );
    const first = within(await screen.findByRole('dialog', { name: 'A signing request ended' }));
    expect(first.getByText('1 more request is waiting.')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    const next = within(await screen.findByRole('dialog', { name: 'A signing request is waiting' }));
    expect(next.getByText(/Spare/)).toBeTruthy();
    // Escape does not dismiss a request still waiting for the device.
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.getByRole('dialog', { name: 'A signing request is waiting' })).toBeTruthy();
  });
});
