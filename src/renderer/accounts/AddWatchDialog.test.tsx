// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, FIXTURE_ACCOUNTS } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

const NEW_ADDRESS = '0x3333333333333333333333333333333333333333';

async function openDialogFrom(route: string, title: string) {
  await openPage(client, route, title);
  const main = within(screen.getByRole('main'));
  await act(async () => fireEvent.click(await main.findByRole('button', { name: 'Add watch-only address' })));
  return within(await screen.findByRole('dialog', { name: 'Add watch-only address' }));
}

async function submit(dialog: ReturnType<typeof within>, address: string, label = '') {
  await act(async () =>
    fireEvent.change(dialog.getByRole('textbox', { name: 'Address' }), { target: { value: address } }),
  );
  await act(async () =>
    fireEvent.change(dialog.getByRole('textbox', { name: /Label/ }), { target: { value: label } }),
  );
  await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Add address' })));
}

describe('Add watch-only address', () => {
  it('adds from the empty portfolio, and the new account shows in the top bar', async () => {
    const dialog = await openDialogFrom('portfolio', 'Portfolio');
    await submit(dialog, ` ${NEW_ADDRESS} `, ' Savings ');
    expect(client.calls).toContainEqual({
      channel: 'accounts.addWatch',
      request: { address: NEW_ADDRESS, label: 'Savings' },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    const accounts = await screen.findByRole('button', { name: '1 account' });
    await act(async () => fireEvent.click(accounts));
    const panel = within(screen.getByRole('group', { name: 'Accounts' }));
    expect(panel.getByText('Savings')).toBeTruthy();
    expect(panel.getByText('Watch-only')).toBeTruthy();
  });

  it('keeps the dialog open with main’s reason for a bad address, and clears it on edit', async () => {
    const dialog = await openDialogFrom('devices', 'Devices');
    await submit(dialog, '0x123');
    expect(dialog.getByRole('alert').textContent).toBe('Not added: "0x123" is not an Ethereum address.');
    expect(dialog.getByRole('textbox', { name: 'Address' }).getAttribute('aria-invalid')).toBe('true');
    await act(async () =>
      fireEvent.change(dialog.getByRole('textbox', { name: 'Address' }), { target: { value: '0x1234' } }),
    );
    expect(dialog.queryByRole('alert')).toBeNull();
  });

  it('says so when the address is already added', async () => {
    client.accounts = FIXTURE_ACCOUNTS;
    await openPage(client, 'devices', 'Devices');
    await act(async () =>
      fireEvent.click(
        within(screen.getByRole('main')).getByRole('button', { name: 'Add watch-only address' }),
      ),
    );
    const dialog = within(screen.getByRole('dialog'));
    await submit(dialog, ALICE.toUpperCase().replace('0X', '0x'));
    expect(dialog.getByRole('alert').textContent).toContain('already added');
  });
});
