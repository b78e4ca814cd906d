// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deviceAccount,
  derivedAddress,
  ledgerDevice,
  LEDGER_FINGERPRINT,
} from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledgerDevice()];
});
afterEach(cleanup);

async function openAddAccounts() {
  await openPage(client, 'devices', 'Devices');
  const card = within(await screen.findByRole('region', { name: 'Ledger Cold storage' }));
  await act(async () => fireEvent.click(card.getByRole('button', { name: 'Add accounts' })));
  const dialog = within(screen.getByRole('dialog', { name: 'Add accounts from Ledger Cold storage' }));
  await dialog.findByRole('checkbox', { name: 'Select account 0' });
  return dialog;
}

const checkbox = (dialog: ReturnType<typeof within>, index: number) =>
  dialog.getByRole('checkbox', { name: `Select account ${index}` }) as HTMLInputElement;

describe('Add accounts', () => {
  it('scans by Ledger Live’s rule: the used accounts, then the first unused one', async () => {
    const dialog = await openAddAccounts();
    expect(dialog.getByRole('tab', { name: 'Ledger Live', selected: true })).toBeTruthy();
    expect(dialog.getByText(/Accounts made in Ledger Live/)).toBeTruthy();
    const rows = dialog.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining("m/44'/60'/0'/0/0"),
      expect.stringContaining("m/44'/60'/1'/0/0"),
      expect.stringContaining("m/44'/60'/2'/0/0"),
    ]);
    expect(rows[0]?.textContent).toContain('0.1 ETH');
    expect(rows[0]?.textContent).toContain('Used');
    expect(rows[2]?.textContent).toContain('Unused');
    expect(client.calls).toContainEqual({
      channel: 'devices.discover',
      request: { deviceId: 'hid:ledger:1', scheme: 'ledger-live', start: 0, count: 20, all: false },
    });
  });

  it('adds the accounts picked under two schemes in one go', async () => {
    const dialog = await openAddAccounts();
    await act(async () => fireEvent.click(checkbox(dialog, 1)));
    await act(async () => fireEvent.click(dialog.getByRole('tab', { name: 'BIP44 / MetaMask' })));
    expect(dialog.getByText(/MetaMask, Rabby/)).toBeTruthy();
    await dialog.findByText("m/44'/60'/0'/0/1");
    await act(async () => fireEvent.click(checkbox(dialog, 0)));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Add 2 accounts' })));

    expect(client.calls).toContainEqual({
      channel: 'devices.addAccounts',
      request: {
        deviceId: 'hid:ledger:1',
        accounts: [
          { scheme: 'ledger-live', index: 1, label: '' },
          { scheme: 'bip44', index: 0, label: '' },
        ],
      },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    const card = within(screen.getByRole('region', { name: 'Ledger Cold storage' }));
    const list = within(card.getByRole('list', { name: 'Accounts on Ledger Cold storage' }));
    expect(list.getAllByRole('listitem').map((row) => row.textContent)).toEqual([
      expect.stringContaining('Ledger Live'),
      expect.stringContaining('BIP44 / MetaMask'),
    ]);
  });

  it('shows accounts already added as ticked and fixed, and continues with “Show more”', async () => {
    client.accounts = [deviceAccount(1, ledgerDevice(), 'ledger-live', 0, 'Main')];
    const dialog = await openAddAccounts();
    expect(checkbox(dialog, 0).checked).toBe(true);
    expect(checkbox(dialog, 0).disabled).toBe(true);
    expect(dialog.getAllByRole('row')[1]?.textContent).toContain('Added');

    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Show more' })));
    expect(client.calls).toContainEqual({
      channel: 'devices.discover',
      request: { deviceId: 'hid:ledger:1', scheme: 'ledger-live', start: 3, count: 5, all: true },
    });
    expect(checkbox(dialog, 7)).toBeTruthy();
    expect(dialog.getByTitle(derivedAddress(LEDGER_FINGERPRINT, 'ledger-live', 7))).toBeTruthy();
  });

  it('shows a failed scan in the dialog with the device’s remedy, and tries again', async () => {
    client.refuseNext('devices.discover', { code: 'device_unavailable', message: 'The Ledger is locked.' });
    client.devices = [ledgerDevice({ remedy: 'Unlock it with your PIN.' })];
    await openPage(client, 'devices', 'Devices');
    const card = within(await screen.findByRole('region', { name: 'Ledger Cold storage' }));
    await act(async () => fireEvent.click(card.getByRole('button', { name: 'Add accounts' })));
    const dialog = within(screen.getByRole('dialog'));
    const alert = await dialog.findByRole('alert');
    expect(alert.textContent).toContain('Could not read addresses: The Ledger is locked.');
    expect(alert.textContent).toContain('Unlock it with your PIN.');
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Try again' })));
    expect(checkbox(dialog, 0)).toBeTruthy();
    expect(dialog.queryByRole('alert')).toBeNull();
  });
});
