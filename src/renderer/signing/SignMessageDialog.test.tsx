// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, watchAccount } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;
const ledger = ledgerDevice();
const main = deviceAccount(1, ledger, 'ledger-live', 0, 'Main');

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledger];
  client.accounts = [main, watchAccount(2, ALICE, 'Treasury')];
});
afterEach(cleanup);

async function signFromDeviceRow(message: string) {
  await openPage(client, 'devices', 'Devices');
  const card = within(await screen.findByRole('region', { name: 'Ledger Cold storage' }));
  const row = within(card.getByRole('listitem', { name: 'Main' }));
  await act(async () => fireEvent.click(row.getByRole('button', { name: 'Sign message' })));
  const dialog = within(screen.getByRole('dialog', { name: 'Sign message' }));
  await act(async () =>
    fireEvent.change(dialog.getByRole('textbox', { name: 'Message' }), { target: { value: message } }),
  );
  await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Sign on device' })));
  return dialog;
}

describe('Sign message', () => {
  it('signs with the account’s device and shows the signature, its address and who signed', async () => {
    const dialog = await signFromDeviceRow('Log in to example.test');
    expect(client.calls).toContainEqual({
      channel: 'signing.message',
      request: { accountId: 1, message: 'Log in to example.test' },
    });
    const signature = `0x${'ab'.repeat(64)}1b`;
    expect(dialog.getByText(signature)).toBeTruthy();
    expect(dialog.getByRole('button', { name: 'Copy signature' })).toBeTruthy();
    expect(dialog.getByText(main.address)).toBeTruthy();
    expect(dialog.getByLabelText('Matches this account')).toBeTruthy();
    expect(dialog.getByText(/Ledger Cold storage \(f00dbabe\)/)).toBeTruthy();
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Done' })));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the message and says why when the device refuses', async () => {
    client.deviceResponse = 'reject';
    const dialog = await signFromDeviceRow('Log in');
    expect(dialog.getByRole('alert').textContent).toBe('Not signed: You rejected the request on the device.');
    expect((dialog.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('Log in');
  });

  it('is offered from the account menu for device accounts only', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: '2 accounts' })));
    const panel = within(screen.getByRole('group', { name: 'Accounts' }));
    expect(panel.queryByRole('button', { name: 'Sign message with Treasury' })).toBeNull();
    await act(async () => fireEvent.click(panel.getByRole('button', { name: 'Sign message with Main' })));
    expect(screen.getByRole('dialog', { name: 'Sign message' })).toBeTruthy();
  });
});
