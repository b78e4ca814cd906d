// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../test/renderer/openPage';
import { twoOfTwo } from '../../../test/renderer/safesFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  twoOfTwo(client);
  client.safes = { safes: [], transactions: [] };
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

async function openCreate() {
  await openPage(client, 'safes', 'Safes');
  await click(await screen.findByRole('button', { name: 'Create a Safe' }));
  return within(screen.getByRole('dialog', { name: 'Create a Safe' }));
}

function type(field: HTMLElement, value: string) {
  act(() => void fireEvent.change(field, { target: { value } }));
}

describe('Create a Safe', () => {
  it('offers only the accounts that sign as owners and as the one that pays', async () => {
    const dialog = await openCreate();
    const owners = within(dialog.getByRole('group', { name: 'Owners' }));
    expect(owners.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual([
      'Ledger main',
      'Phone key',
    ]);
    expect(owners.getByText('Phone')).toBeTruthy();
    const payer = dialog.getByLabelText('Pays the gas');
    expect([...payer.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Ledger main',
      'Phone key',
    ]);
  });

  it('holds the signatures required between one and the owners chosen', async () => {
    const dialog = await openCreate();
    const threshold = dialog.getByLabelText<HTMLInputElement>('Signatures required');
    await click(dialog.getByRole('checkbox', { name: 'Ledger main' }));
    type(threshold, '5');
    expect(threshold.value).toBe('1');
    await click(dialog.getByRole('checkbox', { name: 'Phone key' }));
    type(threshold, '2');
    expect(threshold.value).toBe('2');
    expect(threshold.max).toBe('2');
    // Dropping an owner lowers what is asked with it, so a 2-of-1 can never be sent.
    await click(dialog.getByRole('checkbox', { name: 'Phone key' }));
    expect(threshold.value).toBe('1');
  });

  it('reviews the address and the cost first, then creates exactly what was reviewed', async () => {
    const dialog = await openCreate();
    expect(dialog.getByRole('button', { name: 'Review' }).hasAttribute('disabled')).toBe(true);
    type(dialog.getByLabelText('Name'), 'Household');
    await click(dialog.getByRole('checkbox', { name: 'Ledger main' }));
    await click(dialog.getByRole('checkbox', { name: 'Phone key' }));
    type(dialog.getByLabelText('Signatures required'), '2');
    act(() => void fireEvent.change(dialog.getByLabelText('Pays the gas'), { target: { value: '2' } }));
    await click(dialog.getByRole('button', { name: 'Review' }));

    expect(dialog.getByText(/^0x[0-9a-f]{40}$/)).toBeTruthy();
    expect(dialog.getByText('Network fee')).toBeTruthy();
    const reviewed = client.calls.filter((c) => c.channel === 'safes.reviewCreate').map((c) => c.request);
    const expected = {
      chainId: 1,
      name: 'Household',
      ownerAccountIds: [1, 2],
      threshold: 2,
      deployerAccountId: 2,
    };
    expect(reviewed).toEqual([expected]);

    await click(dialog.getByRole('button', { name: 'Create Safe' }));
    expect(client.calls.find((c) => c.channel === 'safes.create')?.request).toEqual(expected);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('region', { name: 'Household' })).toBeTruthy();
    expect(screen.getByText('Being created')).toBeTruthy();
  });

  it('asks for a new review after any change, so nothing unread is created', async () => {
    const dialog = await openCreate();
    type(dialog.getByLabelText('Name'), 'Household');
    await click(dialog.getByRole('checkbox', { name: 'Ledger main' }));
    await click(dialog.getByRole('button', { name: 'Review' }));
    expect(dialog.getByRole('button', { name: 'Create Safe' })).toBeTruthy();
    await click(dialog.getByRole('checkbox', { name: 'Phone key' }));
    expect(dialog.queryByRole('button', { name: 'Create Safe' })).toBeNull();
    expect(dialog.queryByText('Network fee')).toBeNull();
  });

  it('says in words why main refused to create it', async () => {
    const dialog = await openCreate();
    type(dialog.getByLabelText('Name'), 'Household');
    await click(dialog.getByRole('checkbox', { name: 'Ledger main' }));
    client.refuseNext('safes.reviewCreate', {
      code: 'chain_unavailable',
      message: 'The Safe contracts are not deployed on this network.',
    });
    await click(dialog.getByRole('button', { name: 'Review' }));
    expect(dialog.getByRole('alert').textContent).toContain(
      'Could not review: The Safe contracts are not deployed on this network.',
    );
    expect(client.calls.some((c) => c.channel === 'safes.create')).toBe(false);
  });
});
