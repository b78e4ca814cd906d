// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage, region } from '../../../test/renderer/openPage';
import { twoOfTwo } from '../../../test/renderer/safesFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const BOB = '0x2222222222222222222222222222222222222222';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  twoOfTwo(client);
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

function type(field: HTMLElement, value: string) {
  act(() => void fireEvent.change(field, { target: { value } }));
}

async function openForm() {
  await openPage(client, 'safes', 'Safes');
  await click(await region('Family vault').findByRole('button', { name: 'New transaction' }));
  return within(screen.getByRole('form', { name: 'New Safe transaction' }));
}

describe('New Safe transaction', () => {
  it('reviews a send with its hash, then proposes it unsigned into the list', async () => {
    const form = await openForm();
    type(form.getByLabelText('To'), BOB);
    expect(form.getByLabelText<HTMLSelectElement>('Asset').value).toBe('native');
    type(form.getByLabelText('Amount'), '0.05');
    await click(form.getByRole('button', { name: 'Review' }));

    const review = region('Safe transaction review');
    expect(review.getByText('Send 0.05 ETH to 0x2222…2222')).toBeTruthy();
    expect(review.getByText('It would go through.')).toBeTruthy();
    const hash = review.getByText(/^0x[0-9a-f]{64}$/);
    expect(hash.tagName).toBe('CODE');
    expect(client.calls.find((c) => c.channel === 'safes.reviewTransaction')?.request).toEqual({
      safeId: 1,
      action: { kind: 'send', to: BOB, asset: 'native', amount: '0.05' },
    });

    await click(review.getByRole('button', { name: 'Propose' }));
    expect(screen.queryByRole('form', { name: 'New Safe transaction' })).toBeNull();
    const list = within(region('Family vault').getByRole('list', { name: 'Safe transactions' }));
    const item = within(list.getByRole('listitem', { name: 'Send 0.05 ETH to 0x2222…2222' }));
    expect(item.getByText('0 of 2 signatures')).toBeTruthy();
    expect(item.getByText(hash.textContent ?? '')).toBeTruthy();
  });

  it('warns loudly that an owner change changes who controls the Safe', async () => {
    const form = await openForm();
    act(() => void fireEvent.change(form.getByLabelText('Action'), { target: { value: 'add-owner' } }));
    type(form.getByLabelText('New owner'), BOB);
    type(form.getByLabelText('Signatures required'), '2');
    await click(form.getByRole('button', { name: 'Review' }));

    expect(client.calls.find((c) => c.channel === 'safes.reviewTransaction')?.request).toEqual({
      safeId: 1,
      action: { kind: 'add-owner', owner: BOB, threshold: 2 },
    });
    const warning = region('Safe transaction review').getByText(/This changes who controls the Safe/);
    expect(warning.closest('.callout')?.getAttribute('data-tone')).toBe('danger');
  });

  it('offers the Safe’s own owners to remove, within a threshold they can meet, and reviews again after a change', async () => {
    const form = await openForm();
    act(() => void fireEvent.change(form.getByLabelText('Action'), { target: { value: 'remove-owner' } }));
    const owner = form.getByLabelText('Owner');
    expect([...owner.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Choose an owner',
      'Ledger main',
      'Phone key',
    ]);
    expect(form.getByRole('button', { name: 'Review' }).hasAttribute('disabled')).toBe(true);
    // A 2-of-2 losing an owner can require at most 1.
    expect(form.getByLabelText<HTMLInputElement>('Signatures required').value).toBe('1');
    act(() => void fireEvent.change(owner, { target: { value: client.accounts[1]?.address } }));
    await click(form.getByRole('button', { name: 'Review' }));
    expect(client.calls.find((c) => c.channel === 'safes.reviewTransaction')?.request).toEqual({
      safeId: 1,
      action: { kind: 'remove-owner', owner: client.accounts[1]?.address, threshold: 1 },
    });
    expect(screen.getByRole('region', { name: 'Safe transaction review' })).toBeTruthy();
    act(() => void fireEvent.change(owner, { target: { value: client.accounts[0]?.address } }));
    expect(screen.queryByRole('region', { name: 'Safe transaction review' })).toBeNull();
  });

  it('says in words why main could not build the transaction', async () => {
    const form = await openForm();
    type(form.getByLabelText('To'), 'bob.eth');
    type(form.getByLabelText('Amount'), '0.05');
    client.refuseNext('safes.reviewTransaction', {
      code: 'invalid_request',
      message: 'The Safe holds 0.01 ETH, less than the 0.05 ETH to send.',
    });
    await click(form.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('alert').textContent).toContain(
      'Could not review: The Safe holds 0.01 ETH, less than the 0.05 ETH to send.',
    );
    expect(screen.queryByRole('region', { name: 'Safe transaction review' })).toBeNull();
  });
});
