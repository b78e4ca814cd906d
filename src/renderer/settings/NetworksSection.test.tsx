// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

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

  it('says how each network’s balances and prices are read, and follows main’s status pushes', async () => {
    // The fixture read Ethereum with an override and Arbitrum One through Multicall3; Base is not read yet.
    const [ethereum, arbitrum, base] = fixturePortfolio().chains;
    if (!ethereum || !arbitrum || !base) throw new Error('fixture chains missing');
    client.portfolio = { ...fixturePortfolio(), chains: [ethereum, arbitrum] };
    client.settings = { ...client.settings, enabledChainIds: [1, 42161, 8453] };
    await openSettings(client);
    const readMode = (name: string) =>
      section('Networks')
        .getByRole('rowheader', { name: new RegExp(`^${name}`) })
        .querySelector('.read-mode')?.textContent;
    expect(readMode('Ethereum')).toBe('Balances and prices: one call (state override)');
    expect(readMode('Arbitrum One')).toBe(
      'Balances and prices: Multicall3 (this node refuses state overrides)',
    );
    expect(readMode('Base')).toBe('Not read yet');
    expect(readMode('OP Mainnet')).toBeUndefined();
    await act(async () => client.emit('chains.status', { ...base, readMode: 'multicall3' }));
    expect(readMode('Base')).toBe('Balances and prices: Multicall3 (this node refuses state overrides)');
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

  it('sets a chain’s block explorer, shows main’s refusal, and can clear it', async () => {
    await openSettings(client);
    const explorer = () =>
      section('Networks').getByRole('button', { name: /: set block explorer for Base$/ });
    expect(explorer().textContent).toBe('Basescan');
    await act(async () => fireEvent.click(explorer()));
    const dialog = within(screen.getByRole('dialog', { name: 'Block explorer for Base' }));
    const field = dialog.getByRole<HTMLInputElement>('textbox', { name: 'Block explorer URL' });
    expect(field.value).toBe('https://basescan.org');

    await act(async () => fireEvent.change(field, { target: { value: 'http://scan.devnet.example' } }));
    client.refuseNext('chains.setExplorer', {
      code: 'invalid_request',
      message: 'An explorer address must start with https:// to open in your browser.',
    });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Save' })));
    expect(dialog.getByRole('alert').textContent).toBe(
      'Not saved: An explorer address must start with https:// to open in your browser.',
    );
    expect(explorer().textContent).toBe('Basescan');

    await act(async () => fireEvent.change(field, { target: { value: ' https://scan.devnet.example ' } }));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Save' })));
    expect(client.calls.at(-1)).toEqual({
      channel: 'chains.setExplorer',
      request: { chainId: 8453, explorerUrl: 'https://scan.devnet.example' },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(explorer().textContent).toBe('scan.devnet.example');

    await act(async () => fireEvent.click(explorer()));
    const again = within(screen.getByRole('dialog', { name: 'Block explorer for Base' }));
    await act(async () => fireEvent.change(again.getByRole('textbox'), { target: { value: '' } }));
    await act(async () => fireEvent.click(again.getByRole('button', { name: 'Use no explorer' })));
    expect(explorer().textContent).toBe('None');
  });
});

describe('NetworksSection, user-added networks', () => {
  const ZORA = {
    chainId: 7777777,
    name: 'Zora',
    symbol: 'ETH',
    decimals: 18,
    rpcUrl: 'https://rpc.zora.example',
    explorerUrl: null,
  };

  it('marks only user-added networks as Custom, and offers to remove only those', async () => {
    await openSettings(client);
    expect(section('Networks').queryByText('Custom')).toBeNull();
    expect(section('Networks').queryByRole('button', { name: /^Remove / })).toBeNull();
    await act(async () => {
      await client.call('chains.addCustom', ZORA);
    });
    const row = section('Networks').getByRole('row', { name: /Zora/ });
    expect(within(row).getByText('Custom')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'None: set block explorer for Zora' }).textContent).toBe(
      'None',
    );
    expect(section('Networks').getAllByRole('button', { name: /^Remove / })).toHaveLength(1);
  });

  it('removes a network only once confirmed', async () => {
    await openSettings(client);
    await act(async () => {
      await client.call('chains.addCustom', ZORA);
    });
    const removeButton = () => section('Networks').getByRole('button', { name: 'Remove Zora' });

    await act(async () => fireEvent.click(removeButton()));
    let dialog = within(screen.getByRole('dialog', { name: 'Remove Zora?' }));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Cancel' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.calls.some((call) => call.channel === 'chains.removeCustom')).toBe(false);

    await act(async () => fireEvent.click(removeButton()));
    dialog = within(screen.getByRole('dialog', { name: 'Remove Zora?' }));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Remove' })));
    expect(client.calls).toContainEqual({ channel: 'chains.removeCustom', request: { chainId: 7777777 } });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(section('Networks').queryByRole('row', { name: /Zora/ })).toBeNull();
    expect(client.settings.enabledChainIds).toEqual([1, 8453]);
  });

  it('keeps the confirmation open with main’s reason when removing fails', async () => {
    await openSettings(client);
    await act(async () => {
      await client.call('chains.addCustom', ZORA);
    });
    await act(async () => fireEvent.click(section('Networks').getByRole('button', { name: 'Remove Zora' })));
    const dialog = within(screen.getByRole('dialog', { name: 'Remove Zora?' }));
    client.refuseNext('chains.removeCustom', {
      code: 'keychain_locked',
      message: 'The OS keychain is locked.',
    });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Remove' })));
    expect(dialog.getByRole('alert').textContent).toBe('Not removed: The OS keychain is locked.');
    expect(section('Networks').getByRole('row', { name: /Zora/ })).toBeTruthy();
  });

  it('follows chains.changed pushed from elsewhere, e.g. another window', async () => {
    await openSettings(client);
    const renamed = client.chains.map((chain) =>
      chain.id === 1 ? { ...chain, name: 'Ethereum Mainnet' } : chain,
    );
    await act(async () => client.emit('chains.changed', renamed));
    expect(section('Networks').getByRole('switch', { name: 'Enable Ethereum Mainnet' })).toBeTruthy();
    expect(section('Networks').queryByRole('switch', { name: 'Enable Ethereum' })).toBeNull();
    const topBar = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Network' });
    expect([...topBar.options].map((option) => option.text)).toContain('Ethereum Mainnet');
  });
});
