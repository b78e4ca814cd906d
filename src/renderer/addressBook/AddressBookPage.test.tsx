// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactView, LabelView } from '../../shared/names';
import { openPage, region } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const ALICE = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const ROUTER = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.settings = { ...client.settings, enabledChainIds: [1, 10, 8453, 42161] };
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

function type(dialog: ReturnType<typeof within>, label: string, value: string) {
  const field = dialog.getByLabelText(label);
  fireEvent.change(field, { target: { value } });
}

function contact(name: string, extra: Partial<ContactView> = {}): ContactView {
  return { address: ALICE, chainId: null, name, note: '', ...extra };
}

function label(name: string, extra: Partial<LabelView> = {}): LabelView {
  return { address: ROUTER, chainId: 1, kind: 'contract', name, note: '', ...extra };
}

const openAddressBook = () => openPage(client, 'address-book', 'Address book');
const dialog = () => within(screen.getByRole('dialog'));

describe('Address book page', () => {
  it('says what to do when there are no names yet', async () => {
    await openAddressBook();
    expect(await region('Contacts').findByText(/No contacts yet. Add the people you send to/)).toBeTruthy();
    expect(region('Labels').getByText(/No labels yet. Label an address you deal with/)).toBeTruthy();
  });

  it('lists contacts and labels with their address, networks and note', async () => {
    client.names = {
      contacts: [contact('Alice', { note: 'Rent, monthly' }), contact('Bob', { chainId: 8453 })],
      labels: [label('Uniswap router')],
    };
    await openAddressBook();
    const alice = within(await region('Contacts').findByRole('listitem', { name: 'Alice' }));
    expect(alice.getByText('0x8ba1…BA72').getAttribute('title')).toBe(ALICE);
    expect(alice.getByRole('button', { name: 'Copy address of Alice' })).toBeTruthy();
    expect(alice.getByText('All networks')).toBeTruthy();
    expect(alice.getByText('Rent, monthly')).toBeTruthy();
    expect(within(region('Contacts').getByRole('listitem', { name: 'Bob' })).getByText('Base')).toBeTruthy();
    const router = within(region('Labels').getByRole('listitem', { name: 'Uniswap router' }));
    expect(router.getByText('Ethereum')).toBeTruthy();
    expect(router.getByText('Contract')).toBeTruthy();
  });

  it('adds a contact for one network through the dialog', async () => {
    await openAddressBook();
    await click(region('Contacts').getByRole('button', { name: 'Add contact' }));
    const add = dialog();
    expect(screen.getByRole('dialog', { name: 'Add a contact' })).toBeTruthy();
    expect(add.getByRole<HTMLButtonElement>('button', { name: 'Add contact' }).disabled).toBe(true);
    type(add, 'Address', ` ${ALICE} `);
    fireEvent.change(add.getByLabelText('Networks'), { target: { value: '10' } });
    type(add, 'Name', 'Alice ');
    type(add, 'Note (optional)', 'Splits dinner');
    await click(add.getByRole('button', { name: 'Add contact' }));

    expect(client.calls.at(-1)).toEqual({
      channel: 'contacts.set',
      request: { address: ALICE, chainId: 10, name: 'Alice', note: 'Splits dinner' },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    const alice = within(region('Contacts').getByRole('listitem', { name: 'Alice' }));
    expect(alice.getByText('OP Mainnet')).toBeTruthy();
    expect(alice.getByText('Splits dinner')).toBeTruthy();
  });

  it('keeps the dialog open with main’s reason when it refuses', async () => {
    await openAddressBook();
    await click(region('Contacts').getByRole('button', { name: 'Add contact' }));
    type(dialog(), 'Address', '0x1234');
    type(dialog(), 'Name', 'Typo');
    await click(dialog().getByRole('button', { name: 'Add contact' }));
    expect(dialog().getByRole('alert').textContent).toBe('Not saved: "0x1234" is not an Ethereum address.');
    expect(client.names.contacts).toEqual([]);
  });

  it('asks for a network before labelling a contract, then adds the label', async () => {
    await openAddressBook();
    await click(region('Labels').getByRole('button', { name: 'Add label' }));
    const add = dialog();
    type(add, 'Address', ROUTER);
    type(add, 'Name', 'Uniswap router');
    fireEvent.change(add.getByLabelText('Kind'), { target: { value: 'contract' } });
    expect(add.getByText('A contract exists on one network: choose it.')).toBeTruthy();
    expect(add.getByRole<HTMLButtonElement>('button', { name: 'Add label' }).disabled).toBe(true);

    fireEvent.change(add.getByLabelText('Networks'), { target: { value: '1' } });
    await click(add.getByRole('button', { name: 'Add label' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'labels.set',
      request: { address: ROUTER, chainId: 1, name: 'Uniswap router', note: '', kind: 'contract' },
    });
    expect(region('Labels').getByRole('listitem', { name: 'Uniswap router' })).toBeTruthy();
  });

  it('edits a label in place, and moves it when its network changes', async () => {
    client.names = { contacts: [], labels: [label('Router')] };
    await openAddressBook();
    await click(await region('Labels').findByRole('button', { name: 'Edit Router' }));
    expect(screen.getByRole('dialog', { name: 'Edit label' })).toBeTruthy();
    expect(dialog().getByLabelText<HTMLInputElement>('Address').value).toBe(ROUTER);
    type(dialog(), 'Name', 'Uniswap router');
    await click(dialog().getByRole('button', { name: 'Save' }));
    expect(client.names.labels).toEqual([label('Uniswap router')]);
    expect(region('Labels').queryByRole('listitem', { name: 'Router' })).toBeNull();

    await click(region('Labels').getByRole('button', { name: 'Edit Uniswap router' }));
    fireEvent.change(dialog().getByLabelText('Networks'), { target: { value: '42161' } });
    await click(dialog().getByRole('button', { name: 'Save' }));
    expect(client.calls.slice(-2).map((call) => call.channel)).toEqual(['labels.set', 'labels.remove']);
    expect(client.names.labels).toEqual([label('Uniswap router', { chainId: 42161 })]);
    const router = within(region('Labels').getByRole('listitem', { name: 'Uniswap router' }));
    expect(router.getByText('Arbitrum One')).toBeTruthy();
  });

  it('removes a contact only after confirmation', async () => {
    client.names = { contacts: [contact('Alice'), contact('Bob', { chainId: 8453 })], labels: [] };
    await openAddressBook();
    const contacts = region('Contacts');
    await click(await contacts.findByRole('button', { name: 'Remove Alice' }));
    expect(screen.getByRole('dialog', { name: 'Remove Alice?' }).textContent).toContain('all networks');
    await click(dialog().getByRole('button', { name: 'Cancel' }));
    expect(client.calls.some((call) => call.channel === 'contacts.remove')).toBe(false);
    expect(contacts.getByRole('listitem', { name: 'Alice' })).toBeTruthy();

    await click(contacts.getByRole('button', { name: 'Remove Alice' }));
    await click(dialog().getByRole('button', { name: 'Remove contact' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'contacts.remove',
      request: { address: ALICE, chainId: null },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(contacts.queryByRole('listitem', { name: 'Alice' })).toBeNull();
    expect(contacts.getByRole('listitem', { name: 'Bob' })).toBeTruthy();
  });

  it('shows a name that arrives from another device', async () => {
    await openAddressBook();
    await region('Contacts').findByText(/No contacts yet/);
    act(() => void client.pushNames({ contacts: [contact('Carol', { note: 'Added on the laptop' })] }));
    const carol = within(region('Contacts').getByRole('listitem', { name: 'Carol' }));
    expect(carol.getByText('Added on the laptop')).toBeTruthy();
    expect(region('Contacts').queryByText(/No contacts yet/)).toBeNull();
  });

  it('says why the list could not be loaded', async () => {
    client.refuseNext('names.list', { code: 'internal', message: 'The database is locked.' });
    await openAddressBook();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not load the address book: The database is locked.',
    );
  });
});
