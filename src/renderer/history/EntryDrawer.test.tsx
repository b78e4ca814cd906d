// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_STATUS_FIXTURE, historyEntry } from '../../../test/renderer/historyFixture';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, BOB, FIXTURE_ACCOUNTS, USDC } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const usdc = (direction: 'in' | 'out', counterparty: string) => ({
  standard: 'erc20' as const,
  token: USDC,
  symbol: 'USDC',
  decimals: 6,
  amount: '1500000',
  tokenId: null,
  direction,
  counterparty,
});

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.accounts = FIXTURE_ACCOUNTS;
  client.historyStatus = HISTORY_STATUS_FIXTURE;
  client.settings = { ...client.settings, enabledChainIds: [1] };
  client.history = [
    // Treasury (Alice) sent 1.5 USDC to Bob, another of the wallet's accounts: one entry, the sender's.
    historyEntry(1, {
      to: USDC,
      toLabel: 'USD Coin',
      method: 'transfer',
      assets: [usdc('out', BOB)],
      fromLabel: 'Treasury',
      counterpartyLabel: 'Bob',
      betweenAccounts: true,
    }),
    historyEntry(2, {
      to: USDC,
      method: 'transfer',
      assets: [usdc('out', '0x3333333333333333333333333333333333333333')],
    }),
  ];
});
afterEach(cleanup);

async function timeline() {
  await openPage(client, 'history', 'History');
  return within(await screen.findByRole('list', { name: 'Timeline' }));
}

describe('entries by what they did', () => {
  it('shows a transfer between own accounts as one entry, and says so in its details', async () => {
    const rows = await timeline();
    fireEvent.click(rows.getByRole('button', { name: /^Between your accounts: 1\.5 USDC to Bob/ }));
    const drawer = within(await screen.findByRole('dialog', { name: 'Transaction details' }));
    expect(drawer.getByText('Between your accounts')).toBeTruthy();
    // The called contract and the decoded recipient are both there, each under its name.
    expect(drawer.getByText('USD Coin')).toBeTruthy();
    expect(drawer.getByRole('button', { name: 'Copy called contract address' })).toBeTruthy();
    expect(drawer.getByText('Recipient')).toBeTruthy();
    expect(drawer.getByText(BOB)).toBeTruthy();
    expect(drawer.getByRole('button', { name: 'Copy recipient address' })).toBeTruthy();
    const assets = within(drawer.getByRole('region', { name: 'Assets' }));
    expect(assets.getByText('to Bob')).toBeTruthy();
    // The sender is one of the user's accounts: named in From as well as in Account.
    expect(drawer.getAllByText('Treasury')).toHaveLength(2);
    expect(drawer.getAllByText(ALICE)).toHaveLength(2);
  });

  it('names a token send by its recipient and amount, not by the token contract', async () => {
    const rows = await timeline();
    expect(rows.getByRole('button', { name: /^Sent 1\.5 USDC to 0x3333…3333/ })).toBeTruthy();
  });
});
