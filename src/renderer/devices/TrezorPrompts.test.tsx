// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trezorDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [trezorDevice()];
});
afterEach(cleanup);

async function ask(state: 'pin_requested' | 'passphrase_requested') {
  await openPage(client, 'portfolio', 'Portfolio');
  act(() => client.setDevice('trezor:1', { state, message: 'The Trezor asks for its PIN.', updatedAt: 2 }));
}

describe('Trezor PIN and passphrase', () => {
  it('sends the matrix positions clicked, laid out 7 8 9 / 4 5 6 / 1 2 3, with dots and backspace', async () => {
    await ask('pin_requested');
    const dialog = within(screen.getByRole('dialog', { name: 'Enter the PIN of Trezor Model T' }));
    const keys = within(dialog.getByRole('group', { name: 'PIN matrix' })).getAllByRole('button');
    expect(keys.map((key) => key.getAttribute('aria-label'))).toEqual([
      'Top left',
      'Top middle',
      'Top right',
      'Middle left',
      'Center',
      'Middle right',
      'Bottom left',
      'Bottom middle',
      'Bottom right',
    ]);
    for (const name of ['Top left', 'Center', 'Bottom right', 'Bottom left']) {
      await act(async () => fireEvent.click(dialog.getByRole('button', { name })));
    }
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Delete last digit' })));
    const display = dialog.getByLabelText('PIN, 3 digits entered');
    expect(display.textContent).toBe('•••');
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Unlock' })));
    expect(client.deviceAnswers).toEqual([{ deviceId: 'trezor:1', request: 'pin', value: '753' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cancels with a null answer', async () => {
    await ask('pin_requested');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(client.deviceAnswers).toEqual([{ deviceId: 'trezor:1', request: 'pin', value: null }]);
  });

  it('sends a passphrase typed masked, after saying a different one opens a different wallet', async () => {
    await ask('passphrase_requested');
    const dialog = within(screen.getByRole('dialog', { name: 'Enter the passphrase of Trezor Model T' }));
    expect(dialog.getByText(/opens a different wallet/)).toBeTruthy();
    const field = dialog.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.type).toBe('password');
    await act(async () => fireEvent.change(field, { target: { value: 'correct horse' } }));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Open wallet' })));
    expect(client.deviceAnswers).toEqual([
      { deviceId: 'trezor:1', request: 'passphrase', value: 'correct horse' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
