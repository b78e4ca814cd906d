// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/accounts';
import type { SafeView } from '../../shared/safes';
import { openPage, region } from '../../../test/renderer/openPage';
import { safeTxView, twoOfTwo } from '../../../test/renderer/safesFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const SUMMARY = 'Send 0.05 ETH to 0x2222…2222';

let client: WalletClientDouble;
let ledger: AccountView;
let phone: AccountView;
let safe: SafeView;

beforeEach(() => {
  client = new WalletClientDouble();
  ({ ledger, phone, safe } = twoOfTwo(client));
  client.safes.transactions = [safeTxView(safe)];
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

async function openTx() {
  await openPage(client, 'safes', 'Safes');
  const list = within(await region('Family vault').findByRole('list', { name: 'Safe transactions' }));
  return () => within(list.getByRole('listitem', { name: SUMMARY }));
}

describe('Safe transactions', () => {
  it('shows each confirmation with its owner and device, and blind where only the hash was signed', async () => {
    client.safes.transactions = [
      safeTxView(safe, {
        confirmations: [
          {
            owner: ledger.address,
            signer: { kind: 'ledger', label: 'Cold storage', fingerprint: 'f00dbabe' },
            mode: 'hashed',
            signedAt: 1,
          },
        ],
      }),
    ];
    const item = (await openTx())();
    expect(item.getByText('1 of 2 signatures')).toBeTruthy();
    expect(item.getByText('Signed by Ledger main on Ledger Cold storage, blind')).toBeTruthy();
    // Only the owner still to sign is offered.
    expect(item.queryByRole('button', { name: 'Sign with Ledger main' })).toBeNull();
    expect(item.getByRole('button', { name: 'Sign with Phone key' })).toBeTruthy();
    expect(item.queryByLabelText('Executor')).toBeNull();
  });

  it('signs on the Ledger, then on the phone, and offers the execution once both have', async () => {
    const item = await openTx();
    expect(item().getByText('0 of 2 signatures')).toBeTruthy();
    await click(item().getByRole('button', { name: 'Sign with Ledger main' }));
    expect(client.calls.find((c) => c.channel === 'safes.confirm')?.request).toEqual({
      id: 1,
      accountId: ledger.id,
      allowBlindSigning: false,
    });
    expect(item().getByText('1 of 2 signatures')).toBeTruthy();
    expect(item().getByText('Signed by Ledger main on Ledger Cold storage')).toBeTruthy();

    await click(item().getByRole('button', { name: 'Sign with Phone key' }));
    expect(item().getByText('Signed by Phone key on Pixel')).toBeTruthy();
    expect(item().getByText('Ready to execute')).toBeTruthy();
    expect(item().queryByRole('button', { name: /^Sign with/ })).toBeNull();
    expect(item().getByLabelText('Executor')).toBeTruthy();
  });

  it('sends the blind-signing consent only when the user gave it', async () => {
    const item = await openTx();
    await click(item().getByRole('checkbox', { name: /Allow blind signing/ }));
    await click(item().getByRole('button', { name: 'Sign with Ledger main' }));
    expect(client.calls.find((c) => c.channel === 'safes.confirm')?.request).toMatchObject({
      allowBlindSigning: true,
    });
    expect(item().getByText('Signed by Ledger main on Ledger Cold storage, blind')).toBeTruthy();
  });

  it('says in words why the device did not sign', async () => {
    client.deviceResponse = 'reject';
    const item = await openTx();
    await click(item().getByRole('button', { name: 'Sign with Ledger main' }));
    expect(item().getByRole('alert').textContent).toContain(
      'Not signed: You rejected the request on the device.',
    );
    expect(item().getByText('0 of 2 signatures')).toBeTruthy();
  });

  it('reviews the execution as any transaction, then executes from the account chosen', async () => {
    client.safes.transactions = [
      safeTxView(safe, {
        status: 'ready',
        confirmations: [ledger, phone].map((account) => ({
          owner: account.address,
          signer: { kind: 'other', label: 'Another desktop', fingerprint: null },
          mode: 'clear',
          signedAt: 1,
        })),
      }),
    ];
    const item = await openTx();
    const executor = item().getByLabelText('Executor');
    expect([...executor.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Ledger main',
      'Phone key',
    ]);
    expect(item().queryByRole('button', { name: 'Execute' })).toBeNull();
    await click(item().getByRole('button', { name: 'Review execution' }));
    expect(
      item().getByText('Execute “Send 0.05 ETH to 0x2222…2222” from the Safe', { selector: 'p' }),
    ).toBeTruthy();
    expect(item().getByText('Network fee')).toBeTruthy();

    await click(item().getByRole('button', { name: 'Execute' }));
    expect(client.calls.find((c) => c.channel === 'safes.execute')?.request).toEqual({
      id: 1,
      executorAccountId: ledger.id,
    });
    expect(item().getByText('Executing')).toBeTruthy();
    expect(item().getByRole('link', { name: /^0x/ }).getAttribute('title')).toBe(`0x${'e5'.repeat(32)}`);
    expect(item().queryByRole('button', { name: 'Discard' })).toBeNull();
  });

  it('shows an executed one with its hash, and nothing left to sign or discard', async () => {
    client.safes.transactions = [
      safeTxView(safe, {
        status: 'executed',
        execution: { hash: `0x${'e5'.repeat(32)}`, by: ledger.address, outgoingId: 3 },
      }),
    ];
    const item = (await openTx())();
    expect(item.getByText('Executed')).toBeTruthy();
    expect(item.getByRole('link', { name: /^0x/ })).toBeTruthy();
    expect(item.queryByRole('button', { name: /^Sign with/ })).toBeNull();
    expect(item.queryByRole('button', { name: 'Discard' })).toBeNull();
  });

  it('discards one not executed after the user confirms', async () => {
    const item = await openTx();
    await click(item().getByRole('button', { name: 'Discard' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Discard this Safe transaction?' }));
    await click(dialog.getByRole('button', { name: 'Discard' }));
    expect(client.safes.transactions).toEqual([]);
    expect(region('Family vault').getByText('No Safe transactions yet.')).toBeTruthy();
  });
});
