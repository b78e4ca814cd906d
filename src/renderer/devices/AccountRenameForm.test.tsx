// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, watchAccount } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  const ledger = ledgerDevice();
  client = new WalletClientDouble();
  client.devices = [ledger];
  client.accounts = [
    deviceAccount(1, ledger, 'ledger-live', 0, 'Ledger 1'),
    deviceAccount(2, ledger, 'ledger-live', 1, 'Ledger 2'),
  ];
});
afterEach(cleanup);

/** Opens the Devices page and the rename form of the account named `name`; returns its field. */
async function startRenaming(name: string) {
  await openPage(client, 'devices', 'Devices');
  const card = within(await screen.findByRole('region', { name: 'Ledger Cold storage' }));
  const button = card.getByRole('button', { name: `Rename ${name}` });
  await act(async () => fireEvent.click(button));
  const field = card.getByRole('textbox', { name: 'Account name' }) as HTMLInputElement;
  return { card, button, field };
}

async function submit(field: HTMLInputElement, value: string) {
  fireEvent.change(field, { target: { value } });
  await act(async () => fireEvent.submit(field.closest('form') as HTMLFormElement));
}

describe('Renaming a device account', () => {
  it('opens on the current name with focus in the field, and saves the trimmed new name', async () => {
    const { card, button, field } = await startRenaming('Ledger 2');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(field.value).toBe('Ledger 2');
    expect(document.activeElement).toBe(field);

    await submit(field, '  Savings  ');
    expect(client.calls).toContainEqual({
      channel: 'accounts.rename',
      request: { accountId: 2, label: 'Savings' },
    });
    expect(card.getByRole('listitem', { name: 'Savings' })).toBeTruthy();
    expect(card.queryByRole('textbox', { name: 'Account name' })).toBeNull();
  });

  it("refuses another account's name with main's sentence and keeps the form and the old name", async () => {
    const { card, field } = await startRenaming('Ledger 2');
    await submit(field, 'ledger 1');
    expect(card.getByRole('alert').textContent).toContain(
      'Another account is already named “ledger 1”. Pick a different name.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(client.accounts.map((account) => account.label)).toEqual(['Ledger 1', 'Ledger 2']);
  });

  it('refuses an empty or too long name before asking main', async () => {
    const { card, field } = await startRenaming('Ledger 2');
    await submit(field, '   ');
    expect(card.getByRole('alert').textContent).toContain('A name needs at least one letter or digit.');
    await submit(field, 'x'.repeat(41));
    expect(card.getByRole('alert').textContent).toContain('A name is at most 40 characters.');
    expect(client.calls.some((call) => call.channel === 'accounts.rename')).toBe(false);
  });

  it('leaves with Escape, changing nothing, and gives focus back to the Rename button', async () => {
    const { card, button, field } = await startRenaming('Ledger 1');
    fireEvent.change(field, { target: { value: 'Typo' } });
    await act(async () => {
      fireEvent.keyDown(field, { key: 'Escape' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(card.queryByRole('textbox', { name: 'Account name' })).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(client.calls.some((call) => call.channel === 'accounts.rename')).toBe(false);
  });

  it('renames a watch-only address the same way', async () => {
    client.accounts = [...client.accounts, watchAccount(3, ALICE, '')];
    await openPage(client, 'devices', 'Devices');
    const list = within(await screen.findByRole('region', { name: 'Watch-only addresses' }));
    await act(async () => fireEvent.click(list.getByRole('button', { name: /^Rename 0x/ })));
    await submit(list.getByRole('textbox', { name: 'Account name' }) as HTMLInputElement, 'Treasury');
    expect(list.getByRole('listitem', { name: 'Treasury' })).toBeTruthy();
  });
});
