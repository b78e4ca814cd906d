// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage, region } from '../../../test/renderer/openPage';
import { safeView, twoOfTwo } from '../../../test/renderer/safesFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

describe('Safes page', () => {
  it('is reached from the sidebar among the signers, after Pairing', async () => {
    await openPage(client, 'portfolio', 'Portfolio');
    const signers = screen.getByRole('list', { name: 'Signers' });
    const links = within(signers)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links.indexOf('Safes')).toBe(links.indexOf('Pairing') + 1);
    await click(within(signers).getByRole('link', { name: 'Safes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Safes' })).toBeTruthy();
  });

  it('says what a Safe is for when there is none, and cannot create one without a signer', async () => {
    await openPage(client, 'safes', 'Safes');
    expect(await screen.findByRole('heading', { name: 'No Safe yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create a Safe' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Add existing Safe' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows a Safe as read on chain: address, threshold, owners with their devices, nonce and balance', async () => {
    const { safe } = twoOfTwo(client);
    client.safes.safes = [{ ...safe, nonce: 4 }];
    await openPage(client, 'safes', 'Safes');
    const card = region('Family vault');
    expect(await card.findByText('2 of 2 signatures')).toBeTruthy();
    expect(card.getByText(safe.address)).toBeTruthy();
    expect(card.getByText('Next nonce 4')).toBeTruthy();
    expect(card.getByText('1 ETH')).toBeTruthy();
    const owners = within(card.getByRole('list', { name: 'Owners' })).getAllByRole('listitem');
    expect(owners.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Ledger mainLedger Cold storage'),
      expect.stringContaining('Phone keyPixel'),
    ]);
  });

  it('names an owner that is not one of the wallet’s accounts as such', async () => {
    twoOfTwo(client);
    const stranger = '0x1111111111111111111111111111111111111111';
    client.safes.safes = [safeView({ owners: [{ address: stranger, account: null }] })];
    await openPage(client, 'safes', 'Safes');
    const owners = region('Family vault').getByRole('list', { name: 'Owners' });
    expect(within(owners).getByText('Not one of your accounts')).toBeTruthy();
  });

  it('shows each warning about a module or guard as a danger callout', async () => {
    const module = 'Module 0x9999…9999 can move funds without the owners. The wallet cannot vet it.';
    const guard = 'A guard 0x8888…8888 checks every transaction. The wallet cannot vet it.';
    client.safes.safes = [safeView({ warnings: [module, guard] })];
    await openPage(client, 'safes', 'Safes');
    const card = region('Family vault');
    for (const warning of [module, guard]) {
      const callout = (await card.findByText(warning)).closest('.callout');
      expect(callout?.getAttribute('data-tone')).toBe('danger');
    }
  });

  it('shows a Safe changed elsewhere at once, from main’s push', async () => {
    await openPage(client, 'safes', 'Safes');
    await screen.findByRole('heading', { name: 'No Safe yet' });
    act(() => void client.updateSafes({ safes: [safeView({ name: 'Synced Safe' })] }));
    expect(screen.getByRole('region', { name: 'Synced Safe' })).toBeTruthy();
  });

  it('says in words why a refresh failed', async () => {
    client.safes.safes = [safeView()];
    await openPage(client, 'safes', 'Safes');
    client.refuseNext('safes.refresh', {
      code: 'chain_unavailable',
      message: 'Ethereum did not answer. Check its RPC endpoint in Settings.',
    });
    await click(region('Family vault').getByRole('button', { name: 'Refresh' }));
    expect(region('Family vault').getByRole('alert').textContent).toContain(
      'Not refreshed: Ethereum did not answer. Check its RPC endpoint in Settings.',
    );
  });

  it('stops following a Safe once the user confirms', async () => {
    client.safes.safes = [safeView()];
    await openPage(client, 'safes', 'Safes');
    await click(region('Family vault').getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop following Family vault?' });
    await click(within(dialog).getByRole('button', { name: 'Remove Safe' }));
    expect(screen.queryByRole('region', { name: 'Family vault' })).toBeNull();
    expect(client.safes.safes).toEqual([]);
  });
});
