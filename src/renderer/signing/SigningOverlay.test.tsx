// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SigningRequestView } from '../../shared/devices';
import { deviceAccount, ledgerDevice } from '../testing/deviceFixture';
import { openPage } from '../testing/openPage';
import { WalletClientDouble } from '../testing/WalletClientDouble';

let client: WalletClientDouble;
const ledger = ledgerDevice();
const main = deviceAccount(1, ledger, 'ledger-live', 0, 'Main');

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledger];
  client.accounts = [main];
});
afterEach(cleanup);

function request(change: Partial<SigningRequestView> = {}): SigningRequestView {
  return {
    id: 'r1',
    action: 'typed-data',
    account: { id: 1, address: main.address, label: 'Main' },
    signer: { kind: 'ledger', label: 'Cold storage', fingerprint: 'f00dbabe', model: 'Nano S Plus' },
    check: [
      { label: 'Domain hash', value: '0x1234' },
      { label: 'Message hash', value: '0x5678' },
    ],
    blind: true,
    status: 'awaiting_confirmation',
    error: null,
    startedAt: 1_700_000_000_000,
    ...change,
  };
}

describe('Signing overlay', () => {
  it('names the device and what to check on it, warns of a blind signature, and closes when done', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    act(() => client.emit('signing.request', request()));
    const sheet = within(await screen.findByRole('dialog', { name: 'Confirm on your Ledger' }));
    expect(sheet.getByText('Ledger Cold storage (f00dbabe) · Nano S Plus')).toBeTruthy();
    expect(sheet.getByText('Domain hash')).toBeTruthy();
    expect(sheet.getByText('0x5678')).toBeTruthy();
    expect(sheet.getByText('Blind signature')).toBeTruthy();

    act(() => client.emit('signing.request', request({ status: 'done' })));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a failure with the device’s message and remedy until closed', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    act(() => client.emit('signing.request', request({ blind: false })));
    expect(screen.queryByText('Blind signature')).toBeNull();
    const error = {
      state: 'blind_signing_required' as const,
      message: 'The Ethereum app refuses to sign blindly.',
      remedy: 'Turn on Blind signing in the Ethereum app’s settings.',
    };
    act(() => client.emit('signing.request', request({ status: 'failed', error })));
    const sheet = within(await screen.findByRole('dialog', { name: 'Not completed on your Ledger' }));
    expect(sheet.getByRole('alert').textContent).toContain(error.message);
    expect(sheet.getByRole('alert').textContent).toContain(error.remedy);
    expect(sheet.getByText(/Cold storage \(f00dbabe\)/)).toBeTruthy();
    await act(async () => fireEvent.click(sheet.getByRole('button', { name: 'Close' })));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('follows a real request from the queue to the device while the user confirms', async () => {
    const release = client.holdDevice();
    await openPage(client, 'portfolio', 'Portfolio');
    let signed: Promise<unknown> = Promise.resolve();
    await act(async () => {
      signed = client.call('signing.message', { accountId: 1, message: 'gm' });
    });
    const sheet = within(await screen.findByRole('dialog', { name: 'Confirm on your Ledger' }));
    expect(sheet.getByRole('status').textContent).toContain('Compare these details');
    expect(sheet.getByText('gm')).toBeTruthy();
    await act(async () => {
      release();
      await signed;
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
