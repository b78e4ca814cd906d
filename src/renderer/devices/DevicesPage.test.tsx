// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deviceAccount,
  ledgerDevice,
  LEDGER_FINGERPRINT,
  trezorDevice,
} from '../../../test/renderer/deviceFixture';
import { openPage, region } from '../../../test/renderer/openPage';
import { ALICE, watchAccount } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

/** A device's card, once devices.list has answered. */
async function deviceCard(name: string) {
  return within(await screen.findByRole('region', { name }));
}

/** Main's words for a Trezor that Linux will not open (trezorErrors.ts). */
const UDEV_REMEDY =
  'Linux does not let this user open the Trezor. Install the udev rules: ' +
  'sudo cp resources/linux/udev/51-ledgerline-trezor.rules /etc/udev/rules.d/ && ' +
  'sudo udevadm control --reload-rules && sudo udevadm trigger, then unplug the Trezor and plug it back in.';

describe('Devices page', () => {
  it('shows each device with its facts, state and remedy, commands in a block of their own', async () => {
    const ledger = ledgerDevice();
    client.devices = [
      ledger,
      trezorDevice({
        connected: false,
        state: 'access_denied',
        message: 'The Trezor is plugged in but this app may not open it.',
        remedy: UDEV_REMEDY,
      }),
    ];
    client.accounts = [deviceAccount(1, ledger, 'ledger-live', 0, 'Main')];
    await openPage(client, 'devices', 'Devices');

    const card = await deviceCard('Ledger Cold storage');
    expect(card.getByText('Nano S Plus')).toBeTruthy();
    expect(card.getByText('Connected')).toBeTruthy();
    expect(card.getByText(LEDGER_FINGERPRINT)).toBeTruthy();
    expect(card.getByText('Ethereum 1.11.0')).toBeTruthy();
    expect(card.getByRole('listitem', { name: 'Main' }).textContent).toContain("m/44'/60'/0'/0/0");

    const trezor = region('Trezor Model T');
    expect(trezor.getByText('Not connected')).toBeTruthy();
    expect(trezor.getByText('The Trezor is plugged in but this app may not open it.')).toBeTruthy();
    expect(trezor.getByText(/51-ledgerline-trezor.rules/).closest('pre')?.textContent).toBe(
      'sudo cp resources/linux/udev/51-ledgerline-trezor.rules /etc/udev/rules.d/\n' +
        'sudo udevadm control --reload-rules\nsudo udevadm trigger',
    );
    expect(trezor.getByText('Then unplug the Trezor and plug it back in.')).toBeTruthy();
    expect(trezor.getByRole('button', { name: 'Copy commands' })).toBeTruthy();
    expect((trezor.getByRole('button', { name: 'Add accounts' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says how to connect a device when none is plugged in, and keeps watch-only addresses', async () => {
    client.accounts = [watchAccount(1, ALICE, 'Treasury')];
    await openPage(client, 'devices', 'Devices');
    expect(await screen.findByRole('heading', { name: 'No hardware wallet connected' })).toBeTruthy();
    expect(screen.getByText(/open the Ethereum app, or connect your Trezor/)).toBeTruthy();
    const watched = region('Watch-only addresses');
    expect(watched.getByRole('listitem', { name: 'Treasury' }).textContent).toContain(
      'Watch-only · cannot sign',
    );
    expect(watched.queryByRole('button', { name: 'Sign message' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add watch-only address' })).toBeTruthy();
  });

  it('follows a device as main pushes its state', async () => {
    client.devices = [ledgerDevice()];
    await openPage(client, 'devices', 'Devices');
    act(() =>
      client.setDevice('hid:ledger:1', {
        state: 'locked',
        message: 'The Ledger is locked.',
        remedy: 'Unlock it with your PIN.',
      }),
    );
    const card = await deviceCard('Ledger Cold storage');
    expect(card.getByText('The Ledger is locked.')).toBeTruthy();
    expect(card.getByText('Unlock it with your PIN.')).toBeTruthy();
  });

  it('verifies an address on the device and says whether it was confirmed', async () => {
    const ledger = ledgerDevice();
    client.devices = [ledger];
    client.accounts = [deviceAccount(1, ledger, 'bip44', 0, 'Main')];
    await openPage(client, 'devices', 'Devices');
    const row = within((await deviceCard('Ledger Cold storage')).getByRole('listitem', { name: 'Main' }));

    await act(async () => fireEvent.click(row.getByRole('button', { name: 'Verify on device' })));
    expect(client.calls).toContainEqual({ channel: 'devices.verifyAddress', request: { accountId: 1 } });
    expect(row.getByRole('status').textContent).toBe('Confirmed on device');

    client.deviceResponse = 'reject';
    await act(async () => fireEvent.click(row.getByRole('button', { name: 'Verify on device' })));
    expect(row.getByRole('status').textContent).toBe('Rejected on device');
  });

  it('removes one account, and forgets a device with its accounts after a confirmation', async () => {
    const ledger = ledgerDevice();
    client.devices = [ledger];
    client.accounts = [
      deviceAccount(1, ledger, 'ledger-live', 0, 'Main'),
      deviceAccount(2, ledger, 'ledger-live', 1, 'Savings'),
    ];
    await openPage(client, 'devices', 'Devices');
    const card = await deviceCard('Ledger Cold storage');

    await act(async () => fireEvent.click(card.getByRole('button', { name: 'Remove Savings' })));
    expect(client.calls).toContainEqual({ channel: 'accounts.remove', request: { accountId: 2 } });
    expect(card.queryByRole('listitem', { name: 'Savings' })).toBeNull();

    await act(async () => fireEvent.click(card.getByRole('button', { name: 'Forget' })));
    const dialog = within(screen.getByRole('dialog', { name: 'Forget Ledger Cold storage?' }));
    expect(dialog.getByText(/Nothing on the device changes/)).toBeTruthy();
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Forget device' })));
    expect(client.calls).toContainEqual({
      channel: 'devices.forget',
      request: { fingerprint: LEDGER_FINGERPRINT },
    });
    expect(screen.queryByRole('region', { name: 'Ledger Cold storage' })).toBeNull();
    expect(client.accounts).toEqual([]);
  });
});
