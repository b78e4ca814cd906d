// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { toAddCustomChain } from './AddNetworkDialog';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.settings = { ...client.settings, enabledChainIds: [1, 8453] };
});
afterEach(cleanup);

async function openDialog() {
  await openSettings(client);
  await act(async () => fireEvent.click(section('Networks').getByRole('button', { name: 'Add network' })));
  return within(screen.getByRole('dialog', { name: 'Add a network' }));
}

async function fill(dialog: ReturnType<typeof within>, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    await act(async () => fireEvent.change(dialog.getByRole('textbox', { name }), { target: { value } }));
  }
}

const ZORA = {
  'Chain ID': ' 7777777 ',
  'Network name': ' Zora ',
  'Currency symbol': 'ETH',
  'RPC URL': ' https://rpc.zora.example/KEY ',
};

describe('Add a network', () => {
  it('explains the checks and the keychain, with 18 decimals to start with', async () => {
    const dialog = await openDialog();
    expect(
      dialog.getByText(/checks that the RPC answers with this chain ID and has Multicall3.*OS keychain/),
    ).toBeTruthy();
    expect(dialog.getByRole<HTMLInputElement>('textbox', { name: 'Decimals' }).value).toBe('18');
    expect(
      dialog.getByRole<HTMLInputElement>('textbox', { name: 'Block explorer URL (optional)' }).value,
    ).toBe('');
    expect(dialog.getByRole<HTMLButtonElement>('button', { name: 'Add network' }).disabled).toBe(true);
  });

  it('adds the network, closes, and shows it as Custom, enabled, in the table and the top bar', async () => {
    const dialog = await openDialog();
    await fill(dialog, { ...ZORA, 'Block explorer URL (optional)': 'https://explorer.zora.example' });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Add network' })));

    expect(client.calls).toContainEqual({
      channel: 'chains.addCustom',
      request: {
        chainId: 7777777,
        name: 'Zora',
        symbol: 'ETH',
        decimals: 18,
        rpcUrl: 'https://rpc.zora.example/KEY',
        explorerUrl: 'https://explorer.zora.example',
      },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    const networks = section('Networks');
    const row = networks.getByRole('row', { name: /Zora/ });
    expect(within(row).getByText('Custom')).toBeTruthy();
    expect(within(row).getByText('explorer.zora.example')).toBeTruthy();
    expect(networks.getByRole<HTMLInputElement>('switch', { name: 'Enable Zora' }).checked).toBe(true);
    expect(networks.getByRole('button', { name: 'Remove Zora' })).toBeTruthy();
    const topBar = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Network' });
    expect([...topBar.options].map((option) => option.text)).toContain('Zora');
  });

  it('keeps the dialog open with main’s reason, and clears it on edit', async () => {
    const dialog = await openDialog();
    await fill(dialog, ZORA);
    client.refuseNext('chains.addCustom', {
      code: 'chain_unavailable',
      message: 'https://rpc.zora.example serves chain 1, not 7777777.',
    });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Add network' })));
    expect(screen.getByRole('dialog', { name: 'Add a network' })).toBeTruthy();
    expect(dialog.getByRole('alert').textContent).toBe(
      'Not added: https://rpc.zora.example serves chain 1, not 7777777.',
    );
    expect(dialog.getByRole('textbox', { name: 'RPC URL' }).getAttribute('aria-invalid')).toBe('true');
    expect(section('Networks').queryByRole('row', { name: /Zora/ })).toBeNull();

    await fill(dialog, { 'RPC URL': 'https://other.zora.example' });
    expect(dialog.queryByRole('alert')).toBeNull();
  });

  it('shows a conflict for a chain the wallet already knows', async () => {
    const dialog = await openDialog();
    await fill(dialog, { ...ZORA, 'Chain ID': '8453' });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Add network' })));
    expect(dialog.getByRole('alert').textContent).toBe(
      'Not added: Chain 8453 is already in this wallet, as Base.',
    );
  });

  it('says what is wrong with a chain ID that is not a number, without asking main', async () => {
    const dialog = await openDialog();
    await fill(dialog, { ...ZORA, 'Chain ID': '0x10' });
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Add network' })));
    expect(dialog.getByRole('alert').textContent).toBe(
      'Not added: The chain ID must be a whole number, e.g. 10.',
    );
    expect(client.calls.some((call) => call.channel === 'chains.addCustom')).toBe(false);
  });
});

describe('toAddCustomChain', () => {
  const fields = {
    chainId: '10',
    name: 'OP',
    symbol: 'ETH',
    decimals: '18',
    rpcUrl: 'https://op.example',
    explorerUrl: '  ',
  };

  it('sends no explorer when none is given', () => {
    expect(toAddCustomChain(fields)).toMatchObject({ chainId: 10, decimals: 18, explorerUrl: null });
  });

  it('refuses a zero chain ID and fractional decimals', () => {
    expect(typeof toAddCustomChain({ ...fields, chainId: '0' })).toBe('string');
    expect(typeof toAddCustomChain({ ...fields, decimals: '1.5' })).toBe('string');
  });
});
