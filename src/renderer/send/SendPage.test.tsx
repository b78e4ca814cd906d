// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingView } from '../../shared/tx';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, BOB, watchAccount } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;
const ledger = ledgerDevice();
const main = deviceAccount(1, ledger, 'ledger-live', 0, 'Ledger main');

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledger];
  client.accounts = [main, watchAccount(2, ALICE, 'Treasury')];
  client.addressBook = { alice: BOB };
});
afterEach(cleanup);

/** The compose form, once the accounts have loaded into From. */
async function composeForm() {
  const form = within(screen.getByRole('form', { name: 'New transaction' }));
  await form.findByRole('option', { name: 'Ledger main' });
  return form;
}

function fill(form: ReturnType<typeof within>, label: string, value: string) {
  fireEvent.change(form.getByLabelText(label), { target: { value } });
}

function pendingTx(extra: Partial<OutgoingView> = {}): OutgoingView {
  return {
    id: 1,
    chainId: 1,
    from: main.address,
    hash: `0x${'1'.repeat(64)}`,
    nonce: 7,
    purpose: 'send',
    replaces: null,
    status: 'pending',
    blockNumber: null,
    confirmations: null,
    reason: null,
    to: BOB,
    value: (10n ** 17n).toString(),
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...extra,
  };
}

describe('Send page', () => {
  it('composes, reviews in plain words, then signs and shows the transaction as pending', async () => {
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'To', 'alice');
    fill(form, 'Amount', '0.5');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));

    const review = within(await screen.findByRole('region', { name: 'Review' }));
    expect(review.getByText('Send 0.5 ETH on Ethereum from Ledger main to alice (0x2222…2222)')).toBeTruthy();
    expect(review.getByText('0.000462 ETH likely, at most 0.000882 ETH')).toBeTruthy();
    expect(review.getByText('0.500882 ETH')).toBeTruthy();
    expect(review.getByText('Your Ledger will show:')).toBeTruthy();
    expect(review.getByText('You have not sent to this address before.')).toBeTruthy();
    expect(form.getByText(BOB)).toBeTruthy();
    expect(form.getByRole('radio', { name: /^Fast · 0.000504 – 0.000924 ETH$/ })).toBeTruthy();

    await act(async () => fireEvent.click(review.getByRole('button', { name: 'Sign and send' })));
    expect(client.calls.find((c) => c.channel === 'tx.send')?.request).toEqual({
      accountId: 1,
      chainId: 1,
      to: 'alice',
      asset: 'native',
      amount: '0.5',
      speed: 'normal',
    });
    const list = within(await screen.findByRole('list', { name: 'Recent transactions' }));
    expect(list.getByText('Pending')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Review' })).toBeNull();
  });

  it('reviews and sends with custom fees in gwei', async () => {
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'To', 'alice');
    fill(form, 'Amount', '0.5');
    fireEvent.click(form.getByRole('radio', { name: 'Custom' }));
    expect((form.getByRole('button', { name: 'Review' }) as HTMLButtonElement).disabled).toBe(true);
    fill(form, 'Max fee (gwei)', '30');
    fill(form, 'Priority fee (gwei)', '3');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));
    const review = within(await screen.findByRole('region', { name: 'Review' }));
    expect(form.getByRole('radio', { name: /^Custom · / })).toBeTruthy();
    await act(async () => fireEvent.click(review.getByRole('button', { name: 'Sign and send' })));
    expect(client.calls.find((c) => c.channel === 'tx.send')?.request).toMatchObject({
      speed: 'custom',
      custom: { maxFeeGwei: '30', priorityFeeGwei: '3' },
    });
  });

  it('shows a poisoning warning as danger', async () => {
    client.recipientWarnings = {
      [BOB]: [{ code: 'poisoning', message: 'This address looks like one you sent to, but is not it.' }],
    };
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'To', BOB);
    fill(form, 'Amount', '1');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));
    const review = within(await screen.findByRole('region', { name: 'Review' }));
    const warning = review.getByText('This address looks like one you sent to, but is not it.');
    expect(warning.closest('.callout')?.getAttribute('data-tone')).toBe('danger');
  });

  it('reviews a watch-only account but offers no Sign button', async () => {
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    expect(form.getByRole('option', { name: 'Treasury — watch-only, cannot sign' })).toBeTruthy();
    fill(form, 'From', '2');
    fill(form, 'To', BOB);
    fill(form, 'Amount', '1');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));
    const review = within(await screen.findByRole('region', { name: 'Review' }));
    expect(review.getByText('This account cannot sign')).toBeTruthy();
    expect(
      review.getByText(
        'This is a watch-only account: the wallet knows its address but holds no way to sign for it. ' +
          'Add the account from the Ledger, Trezor or phone that holds its key to sign with it.',
      ),
    ).toBeTruthy();
    expect(review.queryByRole('button', { name: 'Sign and send' })).toBeNull();
  });

  it('offers to switch the top bar to the network being sent on', async () => {
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    expect((form.getByLabelText('Network') as HTMLSelectElement).value).toBe('1');
    fill(form, 'Network', '8453');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Switch to Base' })));
    expect(client.settings.activeChainId).toBe(8453);
    expect(form.queryByRole('button', { name: 'Switch to Base' })).toBeNull();
  });

  it('speeds up a pending transaction, and cancels one after asking', async () => {
    client.outgoing = [pendingTx()];
    await openPage(client, 'send', 'Send');
    const original = within(await screen.findByRole('listitem', { name: 'Send on Ethereum, nonce 7' }));
    expect(original.getByRole('link', { name: /Explorer/ }).getAttribute('href')).toBe(
      `https://etherscan.io/tx/0x${'1'.repeat(64)}`,
    );
    await act(async () => fireEvent.click(original.getByRole('button', { name: 'Speed up' })));
    expect(client.calls.some((c) => c.channel === 'tx.speedUp')).toBe(true);
    const list = within(screen.getByRole('list', { name: 'Recent transactions' }));
    await waitFor(() => expect(list.getByText('Replaced')).toBeTruthy());
    const faster = within(list.getByRole('listitem', { name: 'Speed-up on Ethereum, nonce 7' }));

    await act(async () => fireEvent.click(faster.getByRole('button', { name: 'Cancel transaction' })));
    const dialog = within(screen.getByRole('dialog', { name: 'Cancel this transaction?' }));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Sign cancellation' })));
    expect(client.calls.find((c) => c.channel === 'tx.cancel')?.request).toEqual({ id: 2 });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(list.getByRole('listitem', { name: 'Cancellation on Ethereum, nonce 7' }).textContent).toContain(
      'Pending',
    );

    act(() => client.settleTx(3, { status: 'included', blockNumber: 19_876_600 }));
    expect(list.getByText('Included in block 19,876,600')).toBeTruthy();
  });
});
