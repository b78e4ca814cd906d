// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../testing/openSettings';
import { WalletClientDouble } from '../testing/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.settings = { ...client.settings, enabledChainIds: [1, 8453] };
});
afterEach(cleanup);

const toggle = (name: string) =>
  section('Networks').getByRole<HTMLInputElement>('switch', { name: `Enable ${name}` });

describe('NetworksSection', () => {
  it('shows which networks are enabled', async () => {
    await openSettings(client);
    expect(toggle('Ethereum').checked).toBe(true);
    expect(toggle('Arbitrum One').checked).toBe(false);
    expect(toggle('Base').checked).toBe(true);
  });

  it('saves the enabled list in registry order, on and off', async () => {
    await openSettings(client);
    await act(async () => fireEvent.click(toggle('Arbitrum One')));
    expect(client.calls).toContainEqual({
      channel: 'settings.set',
      request: { enabledChainIds: [1, 42161, 8453] },
    });
    expect(toggle('Arbitrum One').checked).toBe(true);
    await act(async () => fireEvent.click(toggle('Ethereum')));
    expect(client.calls.at(-1)).toEqual({
      channel: 'settings.set',
      request: { enabledChainIds: [42161, 8453] },
    });
  });

  it('puts the switch back and says why when main refuses', async () => {
    await openSettings(client);
    client.refuseNext('settings.set', {
      code: 'invalid_request',
      message: 'The settings store is read-only.',
    });
    await act(async () => fireEvent.click(toggle('Arbitrum One')));
    expect(toggle('Arbitrum One').checked).toBe(false);
    expect(section('Networks').getByRole('alert').textContent).toContain('The settings store is read-only.');
  });

  it('stores custom RPC URLs one per line, and shows a keychain refusal', async () => {
    await openSettings(client);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Edit RPC for Arbitrum One' })));
    const dialog = within(screen.getByRole('dialog', { name: 'Custom RPC for Arbitrum One' }));
    expect(dialog.getByText(/stored encrypted with a key kept in your OS keychain/)).toBeTruthy();
    await act(async () =>
      fireEvent.change(dialog.getByRole('textbox'), {
        target: { value: 'https://arb.example/v2/KEY\n\n  https://backup.example  \n' },
      }),
    );
    client.refuseNext('chains.setRpc', { code: 'keychain_locked', message: 'The OS keychain is locked.' });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Save' })));
    expect(dialog.getByRole('alert').textContent).toBe('Not saved: The OS keychain is locked.');

    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Save' })));
    expect(client.rpcUrls.get(42161)).toEqual(['https://arb.example/v2/KEY', 'https://backup.example']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
