// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/review';
import type { OutgoingView } from '../../shared/tx';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, BOB, watchAccount } from '../../../test/renderer/portfolioFixture';
import { REVERTER } from '../../../test/renderer/double/sendReviewScenarios';
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

function finding(change: Partial<Finding> & Pick<Finding, 'code' | 'message'>): Finding {
  return { severity: 'warning', overridable: false, facts: [], fix: null, ...change };
}

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
    replacedBy: null,
    transfer: null,
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
    expect(review.getByText('Send 0.5 ETH to alice')).toBeTruthy();
    const changes = within(review.getByRole('list', { name: 'Balance changes' }));
    expect(changes.getByText('\u22120.5 ETH')).toBeTruthy();
    expect(changes.getByText('+0.5 ETH')).toBeTruthy();
    expect(review.getByText('0.000021 ETH')).toBeTruthy();
    expect(review.getByText('0.500042 ETH')).toBeTruthy();
    expect(review.getByText(/Your Ledger will show/)).toBeTruthy();
    expect(review.getByRole('list', { name: 'What the device will show' }).textContent).toContain('ETH 0.5');
    const findings = within(review.getByRole('list', { name: 'Findings' }));
    expect(findings.getByText(/^You have not sent to alice before/)).toBeTruthy();
    expect(form.getByText(BOB)).toBeTruthy();
    expect(form.getByRole('radio', { name: /^Fast · 0.000021 – 0.000042 ETH$/ })).toBeTruthy();

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

  it('shows a look-alike recipient before the other findings', async () => {
    client.recipientWarnings = {
      [BOB]: [
        finding({
          code: 'look-alike-recipient',
          message: 'This address looks like one you sent to, but is not it.',
        }),
      ],
    };
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'To', BOB);
    fill(form, 'Amount', '1');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));
    const review = within(await screen.findByRole('region', { name: 'Review' }));
    const items = within(review.getByRole('list', { name: 'Findings' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('This address looks like one you sent to, but is not it.');
    expect(items[0]?.getAttribute('data-severity')).toBe('warning');
  });

  it('blocks an over-balance send with the balance shown, and Max fills the amount and reviews again', async () => {
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'To', BOB);
    fill(form, 'Amount', '99999');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));
    const review = within(await screen.findByRole('region', { name: 'Review' }));
    const blocking = within(review.getByRole('list', { name: 'Findings' })).getAllByRole('listitem')[0];
    expect(blocking?.getAttribute('data-severity')).toBe('blocking');
    expect(blocking?.textContent).toContain('Balance');
    expect(blocking?.textContent).toContain('10 ETH');
    const sign = review.getByRole('button', { name: 'Sign and send' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);

    await act(async () => fireEvent.click(review.getByRole('button', { name: 'Max' })));
    expect((form.getByLabelText('Amount') as HTMLInputElement).value).toBe('9.999958');
    expect(client.calls.filter((c) => c.channel === 'tx.review').at(-1)?.request).toMatchObject({
      to: BOB,
      amount: '9.999958',
    });
    const again = within(await screen.findByRole('region', { name: 'Review' }));
    await waitFor(() => expect(again.getByText('Send 9.999958 ETH to alice')).toBeTruthy());
    expect((again.getByRole('button', { name: 'Sign and send' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows why a call reverts, and signs it only after "Sign anyway", saying so to tx.send', async () => {
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'To', REVERTER);
    fill(form, 'Amount', '0');
    fill(form, 'Call data (hex)', '0xa9cc4718');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));
    const review = within(await screen.findByRole('region', { name: 'Review' }));
    expect(review.getAllByText(/Always fails/).length).toBeGreaterThan(0);
    expect(review.getByText('Blind signing')).toBeTruthy();
    const sign = review.getByRole('button', { name: 'Sign and send' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    fireEvent.click(review.getByRole('checkbox', { name: /^Sign anyway/ }));
    expect(sign.disabled).toBe(false);
    await act(async () => fireEvent.click(sign));
    expect(client.calls.find((c) => c.channel === 'tx.send')?.request).toMatchObject({
      to: REVERTER,
      data: '0xa9cc4718',
      allowRevert: true,
    });
    expect(await screen.findByText('Sent. Follow it below in Recent transactions.')).toBeTruthy();
  });

  it("switches the wallet's network from a finding's fix, and reviews again", async () => {
    client.recipientWarnings = {
      [BOB]: [
        finding({
          code: 'chain-mismatch',
          message: 'The wallet is on Base, but this transaction is for Ethereum.',
          fix: { type: 'switch-chain', chainId: 1 },
        }),
      ],
    };
    client.settings = { ...client.settings, activeChainId: 8453 };
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'Network', '1');
    fill(form, 'To', BOB);
    fill(form, 'Amount', '1');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Review' })));
    const review = within(await screen.findByRole('region', { name: 'Review' }));
    const reviews = client.calls.filter((c) => c.channel === 'tx.review').length;
    await act(async () => fireEvent.click(review.getByRole('button', { name: 'Switch to Ethereum' })));
    expect(client.calls.find((c) => c.channel === 'settings.set')?.request).toEqual({ activeChainId: 1 });
    expect(client.settings.activeChainId).toBe(1);
    await waitFor(() =>
      expect(client.calls.filter((c) => c.channel === 'tx.review').length).toBe(reviews + 1),
    );
    expect(client.calls.filter((c) => c.channel === 'tx.review').at(-1)?.request).toMatchObject({
      chainId: 1,
    });
    expect(await screen.findByRole('region', { name: 'Review' })).toBeTruthy();
    expect(screen.queryByText(/Could not review/)).toBeNull();
  });

  it('takes call data only as valid hex, in the labelled advanced part', async () => {
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    fill(form, 'To', BOB);
    fill(form, 'Amount', '0');
    expect(form.getByText('Contract call (advanced)')).toBeTruthy();
    fill(form, 'Call data (hex)', '0x4e71d92');
    expect((form.getByRole('button', { name: 'Review' }) as HTMLButtonElement).disabled).toBe(true);
    fill(form, 'Call data (hex)', '0x4e71d92d');
    expect((form.getByRole('button', { name: 'Review' }) as HTMLButtonElement).disabled).toBe(false);
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
    client.settings = { ...client.settings, enabledChainIds: [1, 8453] };
    await openPage(client, 'send', 'Send');
    const form = await composeForm();
    expect((form.getByLabelText('Network') as HTMLSelectElement).value).toBe('1');
    fill(form, 'Network', '8453');
    await act(async () => fireEvent.click(form.getByRole('button', { name: 'Switch to Base' })));
    expect(client.settings.activeChainId).toBe(8453);
    expect(form.queryByRole('button', { name: 'Switch to Base' })).toBeNull();
  });

  it('reviews a speed-up with the old and new fee, marks the original, then cancels after a review', async () => {
    client.outgoing = [pendingTx()];
    await openPage(client, 'send', 'Send');
    const original = within(await screen.findByRole('listitem', { name: 'Send on Ethereum, nonce 7' }));
    expect(original.getByRole('link', { name: /Explorer/ }).getAttribute('href')).toBe(
      `https://etherscan.io/tx/0x${'1'.repeat(64)}`,
    );
    await act(async () => fireEvent.click(original.getByRole('button', { name: 'Speed up' })));
    const dialog = within(screen.getByRole('dialog', { name: 'Speed up transaction' }));
    expect(client.calls.some((c) => c.channel === 'tx.speedUp')).toBe(false);
    expect(client.calls.find((c) => c.channel === 'tx.reviewReplacement')?.request).toEqual({
      id: 1,
      mode: 'speed-up',
    });
    const side = (label: string) => within(dialog.getByText(label).parentElement as HTMLElement);
    expect(await side('Old max fee').findByText('0.000882 ETH')).toBeTruthy();
    expect(side('New max fee').getByText('0.0009702 ETH')).toBeTruthy();
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Sign speed-up' })));
    expect(client.calls.find((c) => c.channel === 'tx.speedUp')?.request).toEqual({ id: 1 });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const list = within(screen.getByRole('list', { name: 'Recent transactions' }));
    const replaced = within(list.getByRole('listitem', { name: 'Send on Ethereum, nonce 7' }));
    expect(replaced.getByText('Being replaced')).toBeTruthy();
    expect(replaced.queryByRole('button')).toBeNull();
    const faster = within(list.getByRole('listitem', { name: 'Speed-up on Ethereum, nonce 7' }));

    await act(async () => fireEvent.click(faster.getByRole('button', { name: 'Cancel transaction' })));
    const cancel = within(screen.getByRole('dialog', { name: 'Cancel transaction' }));
    expect(await cancel.findByText('Cancel the transaction with nonce 7')).toBeTruthy();
    expect(cancel.getByText('New max fee')).toBeTruthy();
    await act(async () => fireEvent.click(cancel.getByRole('button', { name: 'Sign cancellation' })));
    expect(client.calls.find((c) => c.channel === 'tx.cancel')?.request).toEqual({ id: 2 });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(list.getByRole('listitem', { name: 'Cancellation on Ethereum, nonce 7' }).textContent).toContain(
      'Pending',
    );

    act(() => client.settleTx(3, { status: 'included', blockNumber: 19_876_600 }));
    expect(list.getByText('Included in block 19,876,600')).toBeTruthy();
    expect(
      within(list.getByRole('listitem', { name: 'Speed-up on Ethereum, nonce 7' })).getByText('Replaced'),
    ).toBeTruthy();
  });
});
