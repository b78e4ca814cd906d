// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DappRequestDetail } from '../../shared/dapps';
import {
  addZkSync,
  chainlessTypedDataReview,
  LEDGER_MAIN,
  SAVINGS,
  SITE_ACCOUNT,
  siteRequest,
  WATCHED,
} from '../../../test/renderer/dappsFixture';
import { ledgerDevice } from '../../../test/renderer/deviceFixture';
import { revertReview, txReview } from '../../../test/renderer/double/txReviewFixture';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledgerDevice()];
  client.accounts = [WATCHED, LEDGER_MAIN, SAVINGS];
});
afterEach(cleanup);

const SITE = 'https://app.example.org';

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

/** The app open on the portfolio, where a site's request arrives. */
async function arrives(...details: DappRequestDetail[]) {
  await openPage(client, 'portfolio', 'Portfolio');
  const requests = details.map((detail, index) => siteRequest(SITE, detail, 1_700_000_000_000 + index));
  act(() => requests.forEach((request) => client.dapps.ask(request)));
  return requests;
}

function sheet(title: string) {
  return within(screen.getByRole('dialog', { name: title }));
}

const approvals = () => client.calls.filter((c) => c.channel === 'dapps.approve');

describe('Site request sheet', () => {
  it('asks to connect, naming the site and what the wallet knows of it, with signable accounts first', async () => {
    const [request] = await arrives({ type: 'connect', chainId: 8453 });
    const connect = sheet('Connect to a site');
    expect(connect.getByText('app.example.org').className).toBe('site-name__host');
    expect(connect.getByText('asks to see your accounts')).toBeTruthy();
    expect(connect.getByText('You have not used this site with this wallet before.')).toBeTruthy();
    expect(connect.getByText('Base')).toBeTruthy();
    const boxes = (await connect.findAllByRole('checkbox')) as HTMLInputElement[];
    const names = boxes.map((box) => box.closest('label')?.textContent);
    expect(names).toEqual([
      'Ledger main0xa000…a000Ledger',
      'Savings0xa001…a001Ledger',
      'Vitalik0xa002…a002Watch-only',
    ]);
    expect(boxes.map((box) => box.checked)).toEqual([true, false, false]);
    // Focus is on the sheet, so the keyboard user reads it from its top.
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);

    await click(boxes[1] as HTMLElement);
    await click(connect.getByRole('button', { name: 'Connect' }));
    expect(approvals().at(-1)?.request).toEqual({ id: request?.id, accountIds: [1, 2] });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.dapps.state.sites.map((s) => s.accounts.map((a) => a.label))).toEqual([
      ['Ledger main', 'Savings'],
    ]);
  });

  it('will not connect without an account', async () => {
    await arrives({ type: 'connect', chainId: 1 });
    const connect = sheet('Connect to a site');
    await click(await connect.findByRole('checkbox', { name: /Ledger main/ }));
    expect((connect.getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the oldest of several requests first, and the next once it is answered', async () => {
    const [first] = await arrives(
      { type: 'switch-chain', chainId: 10, chainName: 'OP Mainnet' },
      {
        type: 'watch-asset',
        chainId: 1,
        address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        symbol: 'TKN',
        decimals: 18,
      },
    );
    const switching = sheet('Switch network');
    expect(switching.getByText('1 of 2')).toBeTruthy();
    expect(switching.getByText('OP Mainnet')).toBeTruthy();
    await click(switching.getByRole('button', { name: 'Reject' }));
    expect(client.calls.filter((c) => c.channel === 'dapps.reject')).toEqual([
      { channel: 'dapps.reject', request: { id: first?.id } },
    ]);

    const token = sheet('Add a token');
    expect(token.queryByText(/of 2/)).toBeNull();
    expect(token.getByText('TKN')).toBeTruthy();
    expect(token.getByText('0x5FbDB2315678afecb367f032d93F642f64180aa3')).toBeTruthy();
    await click(token.getByRole('button', { name: 'Add token' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not answer for the user on Escape', async () => {
    await arrives({ type: 'connect', chainId: 1 });
    await act(async () => fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' }));
    expect(client.calls.some((c) => c.channel === 'dapps.reject' || c.channel === 'dapps.approve')).toBe(
      false,
    );
    expect(sheet('Connect to a site')).toBeTruthy();
  });

  it('adds a network only when its RPC answers for the chain the site claims', async () => {
    await arrives(addZkSync(1), addZkSync(324));
    let add = sheet('Add a network');
    expect(add.getByText('https://mainnet.era.zksync.io')).toBeTruthy();
    expect(add.getByText(/The RPC answered chain id 1, not 324/)).toBeTruthy();
    expect((add.getByRole('button', { name: 'Add network' }) as HTMLButtonElement).disabled).toBe(true);
    await click(add.getByRole('button', { name: 'Reject' }));

    add = sheet('Add a network');
    expect(add.getByText('The RPC answered chain id 324, as the site says.')).toBeTruthy();
    await click(add.getByRole('button', { name: 'Add network' }));
    expect(approvals()).toHaveLength(1);
  });

  it('reviews a transaction as Send does, and signs a revert only when the user says so', async () => {
    const call = { to: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', value: '0', data: '0xa9cc4718' };
    await openPage(client, 'portfolio', 'Portfolio');
    const request = siteRequest(SITE, { type: 'transaction', chainId: 1, account: SITE_ACCOUNT, call });
    const review = revertReview();
    client.dapps.state.reviews.set(request.id, { type: 'transaction', reviews: [review] });
    // The first review finds the RPC down; the user asks again once it is back.
    client.refuseNext('dapps.review', {
      code: 'chain_unavailable',
      message: 'The network could not be reached.',
    });
    act(() => client.dapps.ask(request));
    const failed = sheet('Send a transaction');
    expect((await failed.findByRole('alert')).textContent).toBe(
      'Not reviewed: The network could not be reached.',
    );
    expect((failed.getByRole('button', { name: 'Sign' }) as HTMLButtonElement).disabled).toBe(true);
    await click(failed.getByRole('button', { name: 'Review again' }));

    const send = sheet('Send a transaction');
    expect(await send.findByText(review.summary)).toBeTruthy();
    const sign = send.getByRole('button', { name: 'Sign on Ledger Cold storage' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    await click(send.getByRole('checkbox', { name: 'Sign anyway: I understand it will fail' }));
    expect(sign.disabled).toBe(false);

    const release = client.holdDevice();
    await click(sign);
    expect(approvals().at(-1)?.request).toEqual({ id: request.id, allowRevert: true });
    // The device overlay takes over while the Ledger waits.
    expect(await screen.findByRole('dialog', { name: 'Confirm on your Ledger' })).toBeTruthy();
    await act(async () => release());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows each call of a batch with its own review, and the site’s findings only once', async () => {
    const call = { to: '0x2222222222222222222222222222222222222222', value: '1', data: '0x' };
    await openPage(client, 'portfolio', 'Portfolio');
    const request = siteRequest(SITE, {
      type: 'calls',
      chainId: 1,
      account: SITE_ACCOUNT,
      calls: [call, call],
    });
    const one = txReview();
    const withSite = { ...one, findings: [...request.siteFindings, ...one.findings] };
    client.dapps.state.reviews.set(request.id, {
      type: 'transaction',
      reviews: [withSite, { ...withSite, summary: 'Send 1 wei to Bob' }],
    });
    act(() => client.dapps.ask(request));

    const calls = sheet('Send calls');
    expect(await calls.findByRole('region', { name: 'Call 1 of 2' })).toBeTruthy();
    expect(
      within(calls.getByRole('region', { name: 'Call 2 of 2' })).getByText('Send 1 wei to Bob'),
    ).toBeTruthy();
    expect(calls.getAllByText('You have not used this site with this wallet before.')).toHaveLength(1);
    await click(calls.getByRole('button', { name: 'Sign on Ledger Cold storage' }));
    expect(approvals().at(-1)?.request).toEqual({ id: request.id, allowRevert: false });
  });

  it('shows a message as text, or as bytes when it is not text, with the account and its signer', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    const text = siteRequest(SITE, {
      type: 'message',
      account: SITE_ACCOUNT,
      text: 'Sign in to Example\nNonce: 42',
      hex: '0x00',
    });
    const bytes = siteRequest(
      SITE,
      { type: 'message', account: SITE_ACCOUNT, text: null, hex: '0xdeadbeef' },
      1_700_000_000_001,
    );
    const signer = { kind: 'ledger' as const, label: 'Cold storage' };
    for (const request of [text, bytes]) {
      client.dapps.state.reviews.set(request.id, { type: 'message', findings: request.siteFindings, signer });
    }
    act(() => [text, bytes].forEach((request) => client.dapps.ask(request)));

    let message = sheet('Sign a message');
    const shown = within(await message.findByRole('region', { name: 'Message' }));
    expect(shown.getByText(/Sign in to Example\s+Nonce: 42/)).toBeTruthy();
    expect(message.getByText('Ledger Cold storage')).toBeTruthy();
    expect(message.getByText('Nothing found to warn you about.')).toBeTruthy();
    await click(message.getByRole('button', { name: 'Sign on Ledger Cold storage' }));
    expect(approvals().at(-1)?.request).toEqual({ id: text.id });

    message = sheet('Sign a message');
    const raw = within(await message.findByRole('region', { name: 'Message' }));
    expect(raw.getByText('0xdeadbeef')).toBeTruthy();
    expect(raw.getByText(/This message is not text/)).toBeTruthy();
  });

  it('will not sign with a watch-only account', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    const account = { accountId: WATCHED.id, address: WATCHED.address, label: WATCHED.label };
    const request = siteRequest(SITE, { type: 'message', account, text: 'gm', hex: '0x676d' });
    client.dapps.state.reviews.set(request.id, {
      type: 'message',
      findings: [],
      signer: { kind: 'watch', label: 'Vitalik' },
    });
    act(() => client.dapps.ask(request));
    const message = sheet('Sign a message');
    expect(await message.findByText('This account cannot sign')).toBeTruthy();
    expect((message.getByRole('button', { name: 'Sign' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks the same consents as Sign typed data before signing typed data', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    const request = siteRequest(SITE, { type: 'typed-data', chainId: 1, account: SITE_ACCOUNT });
    client.dapps.state.reviews.set(request.id, { type: 'typed-data', review: chainlessTypedDataReview() });
    act(() => client.dapps.ask(request));
    const typed = sheet('Sign typed data');
    expect(await typed.findByText('Sign a Login message for Example')).toBeTruthy();
    const sign = typed.getByRole('button', { name: 'Sign on Ledger Cold storage' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    await click(typed.getByRole('checkbox', { name: 'Sign it although it is valid on every network' }));
    await click(sign);
    expect(approvals().at(-1)?.request).toEqual({
      id: request.id,
      allowMissingChainId: true,
      allowBlindSigning: false,
    });
  });
});
