// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

const sources = () => section('History sources');
const explorers = () =>
  sources().getByRole<HTMLInputElement>('switch', { name: 'Ask block explorers for history' });
const keyState = () => sources().getByTestId('etherscan-key').textContent;
const keyDialog = (name: string) => within(screen.getByRole('dialog', { name }));

/** The page, once main has said whether a key is set. */
async function open() {
  await openSettings(client);
  await act(async () => undefined);
}

async function enterKey(dialog: ReturnType<typeof keyDialog>, key: string) {
  await act(async () => fireEvent.change(dialog.getByLabelText('API key'), { target: { value: key } }));
  await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Save' })));
}

describe('HistorySourcesSection', () => {
  it('leaves explorers off by default, and says what turning them on gives away', async () => {
    await open();
    expect(explorers().checked).toBe(false);
    const description = sources().getByText(/Etherscan or Blockscout then learn your addresses/).textContent;
    expect(description).toContain('Otterscan');
    expect(description).toContain('misses plain ETH transfers');
    expect(keyState()).toBe('Not set');
  });

  it('saves the switch as a setting, and puts it back when main refuses', async () => {
    await open();
    await act(async () => fireEvent.click(explorers()));
    expect(client.calls).toContainEqual({ channel: 'settings.set', request: { historyExplorers: true } });
    expect(explorers().checked).toBe(true);

    client.refuseNext('settings.set', {
      code: 'invalid_request',
      message: 'The settings store is read-only.',
    });
    await act(async () => fireEvent.click(explorers()));
    expect(explorers().checked).toBe(true);
    expect(sources().getByRole('alert').textContent).toContain('The settings store is read-only.');
  });

  it('sets the key in a masked field, shows main’s refusal, and never shows the key', async () => {
    await open();
    await act(async () => fireEvent.click(sources().getByRole('button', { name: 'Set…' })));
    const dialog = keyDialog('Set Etherscan API key');
    expect(dialog.getByText(/kept in your OS keychain/)).toBeTruthy();
    expect(dialog.getByLabelText<HTMLInputElement>('API key').type).toBe('password');

    client.refuseNext('history.setEtherscanKey', {
      code: 'invalid_request',
      message: 'An Etherscan API key is 34 letters and digits.',
    });
    await enterKey(dialog, 'short');
    expect(dialog.getByRole('alert').textContent).toBe(
      'Not saved: An Etherscan API key is 34 letters and digits.',
    );

    await enterKey(dialog, KEY);
    expect(client.etherscanKey).toBe(KEY);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(keyState()).toBe('Set');
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('replaces and removes a stored key', async () => {
    client.etherscanKey = KEY;
    await open();
    expect(keyState()).toBe('Set');
    await act(async () => fireEvent.click(sources().getByRole('button', { name: 'Replace…' })));
    const replacement = 'ZYXWVUTSRQPONMLKJIHGFEDCBA98765432';
    await enterKey(keyDialog('Replace Etherscan API key'), replacement);
    expect(client.etherscanKey).toBe(replacement);

    await act(async () => fireEvent.click(sources().getByRole('button', { name: 'Remove' })));
    expect(client.calls.at(-2)).toEqual({ channel: 'history.setEtherscanKey', request: { key: null } });
    expect(client.etherscanKey).toBeNull();
    expect(keyState()).toBe('Not set');
    expect(sources().queryByRole('button', { name: 'Remove' })).toBeNull();
  });

  it('says when removing the key failed', async () => {
    client.etherscanKey = KEY;
    await open();
    client.refuseNext('history.setEtherscanKey', {
      code: 'keychain_locked',
      message: 'The OS keychain is locked.',
    });
    await act(async () => fireEvent.click(sources().getByRole('button', { name: 'Remove' })));
    expect(sources().getByRole('alert').textContent).toBe('Not removed: The OS keychain is locked.');
    expect(keyState()).toBe('Set');
  });
});
