// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SigningRequestView } from '../../shared/devices';
import type { Finding, FindingCode, Party } from '../../shared/review';
import { txReviewFixture } from '../../../test/tx/txReviewFixture';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { pairedPhone, phoneRequest } from '../../../test/renderer/pairingFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

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
    review: null,
    status: 'awaiting_confirmation',
    expiresAt: null,
    error: null,
    startedAt: 1_700_000_000_000,
    ...change,
  };
}

/** The demo's 12.5 USDC to Alice, as main reviewed it: the Ledger shows the token amount and Alice, not the contract. */
function usdcReview() {
  const alice: Party = { address: ALICE, name: 'Alice', source: 'address-book' };
  const usdc: Party = { address: USDC, name: 'USDC', source: 'token-list' };
  const amount = { value: '12500000', decimals: 6, symbol: 'USDC', unlimited: false };
  const usdcChange = (account: Party, delta: string) => ({
    account,
    asset: { kind: 'erc20' as const, token: USDC, symbol: 'USDC', decimals: 6, tokenId: null },
    delta,
  });
  return txReviewFixture({
    summary: 'Send 12.5 USDC to Alice',
    action: { type: 'token-transfer', token: usdc, to: alice, amount },
    transaction: { to: USDC.toLowerCase(), value: '0', data: '0xa9059cbb', nonce: 3 },
    simulation: {
      status: 'simulated',
      balanceChanges: [
        usdcChange({ address: main.address, name: 'Main', source: 'account' }, '-12500000'),
        usdcChange(alice, '12500000'),
      ],
      reverted: false,
      revertReason: null,
      gasUsed: '52000',
      note: null,
    },
    findings: [
      finding('first-time-recipient', 'warning', 'You have not sent to Alice before.'),
      {
        ...finding('chain-mismatch', 'warning', 'Your phone is on Base, not Ethereum.'),
        fix: { type: 'switch-chain', chainId: 1 },
      },
      finding('nonce-gap', 'info', 'A note the overlay leaves to the review.'),
    ],
    device: {
      kind: 'ledger',
      label: 'Cold storage',
      fingerprint: 'f00dbabe',
      mode: 'clear',
      lines: [
        { label: 'Amount', value: 'USDC 12.5' },
        { label: 'Address', value: ALICE },
        { label: 'Max fees', value: 'ETH 0.00042' },
      ],
      note: null,
    },
  });
}

function finding(code: FindingCode, severity: Finding['severity'], message: string): Finding {
  return { code, severity, overridable: false, message, facts: [], fix: null };
}

describe('Signing overlay', () => {
  it('repeats the review beside what the device will show, for a token send the token’s own terms', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    const review = usdcReview();
    const check = review.device?.lines ?? [];
    act(() =>
      client.emit(
        'signing.request',
        request({ action: 'transaction', blind: false, check, review: { type: 'transaction', review } }),
      ),
    );
    const sheet = within(await screen.findByRole('dialog', { name: 'Confirm on your Ledger' }));
    const approved = within(sheet.getByRole('region', { name: 'What you approved' }));
    expect(approved.getByText('Send 12.5 USDC to Alice')).toBeTruthy();
    expect(approved.getByText(/You have not sent to Alice before/)).toBeTruthy();
    expect(approved.queryByText(/A note the overlay leaves/)).toBeNull();
    // The request is on the device already: a fix would change nothing it signs.
    expect(approved.getByText(/Your phone is on Base/)).toBeTruthy();
    expect(approved.queryByRole('button', { name: /^Switch to/ })).toBeNull();
    const changes = within(approved.getByRole('list', { name: 'Balance changes' }));
    expect(changes.getByText('\u221212.5 USDC')).toBeTruthy();

    const device = within(sheet.getByRole('region', { name: 'What the device will show' }));
    expect(device.getByText('Compare these with your Ledger screen')).toBeTruthy();
    expect(device.getByText('USDC 12.5')).toBeTruthy();
    expect(device.getByText(ALICE)).toBeTruthy();
    expect(device.queryByText(USDC)).toBeNull();
    expect(device.queryByText(/0\.0 ETH/)).toBeNull();
    expect(sheet.queryByText('Blind signature')).toBeNull();
  });

  it('names the device and what to check on it, warns of a blind signature, and closes when done', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    act(() => client.emit('signing.request', request()));
    const sheet = within(await screen.findByRole('dialog', { name: 'Confirm on your Ledger' }));
    expect(sheet.getByText('Ledger Cold storage (f00dbabe) · Nano S Plus')).toBeTruthy();
    expect(sheet.getByText('Domain hash')).toBeTruthy();
    expect(sheet.getByText('0x5678')).toBeTruthy();
    expect(sheet.getByText('Blind signature')).toBeTruthy();
    expect(sheet.getByText(/it will show only hashes or raw data, not what the request does/)).toBeTruthy();

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
    expect(sheet.getByRole('status').textContent).toContain('once its screen matches');
    expect(sheet.getByText('Compare these with your Ledger screen')).toBeTruthy();
    expect(sheet.getByText('gm')).toBeTruthy();
    await act(async () => {
      release();
      await signed;
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('waits for an offline phone with the deadline, and cancels the request on the user’s word', async () => {
    const phone = pairedPhone('Alice’s phone');
    await openPage(client, 'portfolio', 'Portfolio');
    act(() => client.askPhone(phoneRequest(phone)));
    const sheet = within(await screen.findByRole('dialog', { name: 'Waiting for Alice’s phone…' }));
    expect(sheet.getByRole('status').textContent).toContain('The request will be delivered when it connects');
    expect(sheet.getByText(/^Expires in (5:00|4:59)$/)).toBeTruthy();
    expect(sheet.getByText('gm')).toBeTruthy();
    expect(sheet.queryByText('To cancel, reject it on the device.')).toBeNull();

    await act(async () => fireEvent.click(sheet.getByRole('button', { name: 'Cancel request' })));
    expect(client.calls.at(-1)).toEqual({ channel: 'signing.cancel', request: { id: 'phone-request-1' } });
    const ended = within(screen.getByRole('dialog', { name: 'Not completed on Alice’s phone' }));
    expect(ended.getByRole('alert').textContent).toContain('You cancelled the request.');
  });

  it('asks the phone to approve once it is online, naming it', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    act(() =>
      client.askPhone(phoneRequest(pairedPhone('Alice’s phone'), { status: 'awaiting_confirmation' })),
    );
    const sheet = within(await screen.findByRole('dialog', { name: 'Approve on Alice’s phone' }));
    expect(sheet.getByText('Alice’s phone (phone-al…)')).toBeTruthy();
    expect(sheet.getByRole('status').textContent).toContain('Approve on the phone');
    expect(sheet.getByText('Compare these with your phone screen')).toBeTruthy();
    expect(sheet.getByRole('definition').textContent).toBe('gm');
  });

  it('sends an expired request again, or cancels it', async () => {
    const phone = pairedPhone('Alice’s phone');
    await openPage(client, 'portfolio', 'Portfolio');
    act(() => client.askPhone(phoneRequest(phone, { status: 'expired', expiresAt: Date.now() - 1 })));
    const sheet = within(await screen.findByRole('dialog', { name: 'Not answered in time' }));
    expect(sheet.queryByText(/^Expires in/)).toBeNull();

    await act(async () => fireEvent.click(sheet.getByRole('button', { name: 'Send again' })));
    expect(client.calls.at(-1)).toEqual({ channel: 'signing.retry', request: { id: 'phone-request-1' } });
    const again = within(await screen.findByRole('dialog', { name: 'Waiting for Alice’s phone…' }));
    expect(again.getByText(/^Expires in (5:00|4:59)$/)).toBeTruthy();

    act(() => client.askPhone(phoneRequest(phone, { status: 'expired', expiresAt: Date.now() - 1 })));
    const expired = within(await screen.findByRole('dialog', { name: 'Not answered in time' }));
    await act(async () => fireEvent.click(expired.getByRole('button', { name: 'Cancel request' })));
    expect(client.calls.at(-1)?.channel).toBe('signing.cancel');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close' })));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a refused retry in main’s words', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    act(() => client.askPhone(phoneRequest(pairedPhone('Bob'), { status: 'expired' })));
    client.refuseNext('signing.retry', { code: 'not_found', message: 'The phone was revoked.' });
    const sheet = within(await screen.findByRole('dialog', { name: 'Not answered in time' }));
    await act(async () => fireEvent.click(sheet.getByRole('button', { name: 'Send again' })));
    expect(sheet.getByRole('alert').textContent).toBe('Not sent again: The phone was revoked.');
  });
});
