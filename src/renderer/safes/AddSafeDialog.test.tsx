// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage, region } from '../../../test/renderer/openPage';
import { twoOfTwo } from '../../../test/renderer/safesFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const ON_CHAIN = '0x7e57000000000000000000000000000000007e57';
const MODULE = 'Module 0x9999…9999 can move funds without the owners. The wallet cannot vet it.';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  const { ledger } = twoOfTwo(client);
  client.safes = { safes: [], transactions: [] };
  client.settings = { ...client.settings, enabledChainIds: [1, 10], activeChainId: 1 };
  client.safesPart.onChain.set(ON_CHAIN, {
    chainId: 10,
    owners: [ledger.address, '0x1111111111111111111111111111111111111111'],
    threshold: 1,
    nonce: 12,
    modules: ['0x9999999999999999999999999999999999999999'],
    guard: null,
    warnings: [MODULE],
  });
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

async function openAdd() {
  await openPage(client, 'safes', 'Safes');
  await click(await screen.findByRole('button', { name: 'Add existing Safe' }));
  return within(screen.getByRole('dialog', { name: 'Add existing Safe' }));
}

function type(field: HTMLElement, value: string) {
  act(() => void fireEvent.change(field, { target: { value } }));
}

describe('Add existing Safe', () => {
  it('follows the Safe on the network chosen and shows what main read, warnings included', async () => {
    const dialog = await openAdd();
    act(() => void fireEvent.change(dialog.getByLabelText('Network'), { target: { value: '10' } }));
    type(dialog.getByLabelText('Safe address'), ` ${ON_CHAIN} `);
    type(dialog.getByLabelText('Name'), 'Treasury');
    await click(dialog.getByRole('button', { name: 'Add' }));

    expect(client.calls.find((c) => c.channel === 'safes.add')?.request).toEqual({
      chainId: 10,
      address: ON_CHAIN,
      name: 'Treasury',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    const card = region('Treasury');
    expect(card.getByText('1 of 2 signatures')).toBeTruthy();
    expect(card.getByText('Next nonce 12')).toBeTruthy();
    expect(card.getByText(MODULE).closest('.callout')?.getAttribute('data-tone')).toBe('danger');
  });

  it('keeps the dialog open with main’s words when there is no Safe at the address', async () => {
    const dialog = await openAdd();
    type(dialog.getByLabelText('Safe address'), ON_CHAIN);
    type(dialog.getByLabelText('Name'), 'Treasury');
    // The Safe is on OP Mainnet, and the network left chosen is Ethereum.
    await click(dialog.getByRole('button', { name: 'Add' }));
    expect(dialog.getByRole('alert').textContent).toContain(
      'Not added: There is no Safe at this address on this network.',
    );
    expect(client.safes.safes).toEqual([]);
  });

  it('waits for both the address and a name', async () => {
    const dialog = await openAdd();
    const add = dialog.getByRole('button', { name: 'Add' });
    type(dialog.getByLabelText('Safe address'), ON_CHAIN);
    expect(add.hasAttribute('disabled')).toBe(true);
    type(dialog.getByLabelText('Name'), '   ');
    expect(add.hasAttribute('disabled')).toBe(true);
    type(dialog.getByLabelText('Name'), 'Treasury');
    expect(add.hasAttribute('disabled')).toBe(false);
  });
});
