// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_FIXTURE, HISTORY_STATUS_FIXTURE, fixtureHash } from '../../../test/renderer/historyFixture';
import { openPage } from '../../../test/renderer/openPage';
import { FIXTURE_ACCOUNTS } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.accounts = FIXTURE_ACCOUNTS;
  client.history = HISTORY_FIXTURE;
  client.historyStatus = HISTORY_STATUS_FIXTURE;
  client.settings = { ...client.settings, enabledChainIds: [1, 42161, 8453, 10] };
});
afterEach(cleanup);

const timeline = () => within(screen.getByRole('list', { name: 'Timeline' }));
const sendRow = () => timeline().getByRole('button', { name: /^Sent 0\.5 ETH to Carol/ });

async function openSend() {
  await openPage(client, 'history', 'History');
  await screen.findByRole('list', { name: 'Timeline' });
  fireEvent.click(sendRow());
  return within(await screen.findByRole('dialog', { name: 'Transaction details' }));
}

const noteCalls = () => client.calls.filter((call) => call.channel === 'history.setNote');

describe('the note on a transaction', () => {
  it('is added from the drawer, and shows there and in the timeline row at once', async () => {
    const drawer = await openSend();
    expect(drawer.getByText('No note')).toBeTruthy();
    fireEvent.click(drawer.getByRole('button', { name: 'Add note' }));
    const field = drawer.getByRole('textbox', { name: 'Note on this transaction' });
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: '  Rent for March ' } });
    fireEvent.click(drawer.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(drawer.getByText('Rent for March')).toBeTruthy());
    expect(noteCalls()).toEqual([
      {
        channel: 'history.setNote',
        request: { chainId: 1, hash: fixtureHash(1), note: '  Rent for March ' },
      },
    ]);
    expect(drawer.queryByRole('textbox')).toBeNull();
    expect(drawer.getByRole('button', { name: 'Edit note' })).toBeTruthy();
    const rowNote = within(sendRow()).getByText('Rent for March');
    expect(rowNote.closest('[title]')?.getAttribute('title')).toBe('Rent for March');
  });

  it('is edited in place, with a counter near the 1,000-character limit, and Cancel or Escape keep it', async () => {
    client.history = HISTORY_FIXTURE.map((entry) =>
      entry.id === 1 ? { ...entry, note: 'Rent for March' } : entry,
    );
    const drawer = await openSend();
    expect(within(sendRow()).getByText('Rent for March')).toBeTruthy();
    fireEvent.click(drawer.getByRole('button', { name: 'Edit note' }));
    const field = drawer.getByRole('textbox', { name: 'Note on this transaction' }) as HTMLTextAreaElement;
    expect(field.value).toBe('Rent for March');
    expect(field.maxLength).toBe(1000);
    expect(drawer.queryByText(/\/ 1,000$/)).toBeNull();
    fireEvent.change(field, { target: { value: 'x'.repeat(950) } });
    expect(drawer.getByText('950 / 1,000')).toBeTruthy();
    fireEvent.click(drawer.getByRole('button', { name: 'Cancel' }));
    expect(drawer.getByText('Rent for March')).toBeTruthy();

    fireEvent.click(drawer.getByRole('button', { name: 'Edit note' }));
    fireEvent.keyDown(drawer.getByRole('textbox', { name: 'Note on this transaction' }), { key: 'Escape' });
    // Escape leaves the editor only: the drawer stays open.
    expect(screen.getByRole('dialog', { name: 'Transaction details' })).toBeTruthy();
    expect(drawer.queryByRole('textbox')).toBeNull();
    expect(noteCalls()).toEqual([]);
  });

  it('is removed by saving it empty', async () => {
    client.history = HISTORY_FIXTURE.map((entry) =>
      entry.id === 1 ? { ...entry, note: 'Rent for March' } : entry,
    );
    const drawer = await openSend();
    fireEvent.click(drawer.getByRole('button', { name: 'Edit note' }));
    fireEvent.change(drawer.getByRole('textbox'), { target: { value: '   ' } });
    fireEvent.click(drawer.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(drawer.getByText('No note')).toBeTruthy());
    expect(within(sendRow()).queryByText('Rent for March')).toBeNull();
    expect(client.history.find((entry) => entry.id === 1)?.note).toBeNull();
  });

  it('says why a note was not saved and keeps the draft', async () => {
    const drawer = await openSend();
    fireEvent.click(drawer.getByRole('button', { name: 'Add note' }));
    fireEvent.change(drawer.getByRole('textbox'), { target: { value: 'Bridge to Base for the airdrop' } });
    client.refuseNext('history.setNote', {
      code: 'invalid_request',
      message: 'A note can be at most 1,000 characters long.',
    });
    fireEvent.click(drawer.getByRole('button', { name: 'Save' }));
    expect((await drawer.findByRole('alert')).textContent).toMatch(
      /Note not saved: A note can be at most 1,000 characters long\./,
    );
    expect((drawer.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Bridge to Base for the airdrop');
    expect(drawer.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
  });

  it('is found by the history search', async () => {
    client.history = HISTORY_FIXTURE.map((entry) =>
      entry.id === 2 ? { ...entry, note: 'Bridge to Base for the airdrop' } : entry,
    );
    await openPage(client, 'history', 'History');
    await screen.findByRole('list', { name: 'Timeline' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search history' }), {
      target: { value: 'airdrop' },
    });
    await waitFor(() => expect(timeline().getAllByRole('button')).toHaveLength(1));
    expect(timeline().getByRole('button').textContent).toMatch(/^Received 120 USDC.*airdrop/);
  });
});
