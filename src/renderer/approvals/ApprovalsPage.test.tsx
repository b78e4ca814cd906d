// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AllowanceView } from '../../shared/tx';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, USDC, watchAccount } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const ROUTER = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
const UNKNOWN_SPENDER = '0x9999999999999999999999999999999999999999';
const DRAINER = '0xd2a1000000000000000000000000000000000000';
const NOW = 1_700_000_000;
const ledger = ledgerDevice();
const watched = watchAccount(1, ALICE, 'Treasury');
const main = deviceAccount(2, ledger, 'ledger-live', 0, 'Ledger main');
let client: WalletClientDouble;

function allowance(extra: Partial<AllowanceView>): AllowanceView {
  return {
    chainId: 1,
    owner: main.address,
    token: USDC,
    symbol: 'USDC',
    decimals: 6,
    spender: ROUTER,
    spenderLabel: 'Uniswap Universal Router',
    amount: (5n * 10n ** 6n).toString(),
    unlimited: false,
    approvedAt: NOW - 3600,
    blockNumber: 18_500_000,
    ...extra,
  };
}

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledger];
  // The watch-only account comes first, as the one the old page opened on.
  client.accounts = [watched, main];
  client.settings = { ...client.settings, enabledChainIds: [1, 8453] };
  client.nowSeconds = NOW;
  client.codelessSpenders = [DRAINER.toLowerCase()];
  client.allowances = [
    allowance({ owner: watched.address, spender: ROUTER }),
    allowance({
      token: DAI,
      symbol: 'DAI',
      decimals: 18,
      spender: UNKNOWN_SPENDER,
      spenderLabel: null,
      amount: (100n * 10n ** 18n).toString(),
      approvedAt: NOW - 200 * 24 * 3600,
    }),
    allowance({ chainId: 8453, symbol: 'USDbC', spender: DRAINER, spenderLabel: null, unlimited: true }),
  ];
});
afterEach(cleanup);

async function allowanceTable() {
  const table = within(await screen.findByRole('table', { name: 'Allowances' }));
  await table.findByText('USDbC');
  return table;
}

describe('Approvals page', () => {
  it('opens on every account and network, the risky approval first with its reasons in words', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    const rows = table.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual([
      'USDbC for 0xd2a1…0000, Ledger main on Base',
      'DAI for 0x9999…9999, Ledger main on Ethereum',
      'USDC for Uniswap Universal Router, Treasury on Ethereum',
    ]);
    const risky = within(within(rows[0] as HTMLElement).getByRole('list', { name: 'Risks' }));
    expect(risky.getByText('Unlimited')).toBeTruthy();
    expect(risky.getByText('Not a contract')).toBeTruthy();
    expect(risky.getByText(/: The spender has no contract code/)).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Over 180 days old')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('None found')).toBeTruthy();
  });

  it('narrows to one account or network, and back to all', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    const filters = within(screen.getByRole('group', { name: 'Show allowances of' }));
    const network = filters.getByLabelText<HTMLSelectElement>('Network');
    // The shared network picker, with "all" first: only enabled networks, and the way to enable more.
    expect(within(network).getAllByRole('option')[0]?.textContent).toBe('All enabled networks');
    expect(network.value).toBe('all');
    expect(filters.getByRole('link', { name: 'Enable more networks…' }).getAttribute('href')).toBe(
      '#/settings/networks',
    );
    fireEvent.change(network, { target: { value: '8453' } });
    expect(table.getAllByRole('row')).toHaveLength(2);
    fireEvent.change(network, { target: { value: 'all' } });
    fireEvent.change(filters.getByLabelText('Account'), { target: { value: String(watched.id) } });
    expect(
      table
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.getAttribute('aria-label')),
    ).toEqual(['USDC for Uniswap Universal Router, Treasury on Ethereum']);
  });

  it('lets no one revoke a watch-only account’s allowance, and says why', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    const row = within(table.getByRole('row', { name: /Treasury on Ethereum/ }));
    expect((row.getByRole('button', { name: 'Revoke' }) as HTMLButtonElement).disabled).toBe(true);
    expect((row.getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/Allowances of watch-only accounts are listed/)).toBeTruthy();
  });

  it('revokes across networks after a review that shows each fee, and drops each once included', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    fireEvent.click(table.getByRole('checkbox', { name: 'Select every allowance you can revoke' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke 2 selected' }));

    const dialog = within(screen.getByRole('dialog', { name: 'Revoke 2 allowances?' }));
    const sign = dialog.getByRole('button', { name: 'Sign 2 revokes' }) as HTMLButtonElement;
    // Main reviews each revoke first; Sign waits until they are on screen.
    expect(sign.disabled).toBe(true);
    const revokes = within(await dialog.findByRole('list', { name: 'Revokes' }));
    expect(revokes.getByText(`Revoke USDbC's allowance for ${DRAINER}`)).toBeTruthy();
    expect(revokes.getByText(`Revoke DAI's allowance for ${UNKNOWN_SPENDER}`)).toBeTruthy();
    expect(revokes.getAllByText('Network fee')).toHaveLength(2);
    const reviewed = client.calls.filter((c) => c.channel === 'approvals.reviewRevoke').map((c) => c.request);
    expect(reviewed).toEqual([
      { accountId: 2, chainId: 8453, allowances: [{ token: USDC, spender: DRAINER }] },
      { accountId: 2, chainId: 1, allowances: [{ token: DAI, spender: UNKNOWN_SPENDER }] },
    ]);
    expect(sign.disabled).toBe(false);
    await act(async () => fireEvent.click(sign));
    expect(client.calls.filter((c) => c.channel === 'approvals.revoke').map((c) => c.request)).toEqual(
      reviewed,
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const recent = within(screen.getByRole('list', { name: 'Recent transactions' }));
    expect(recent.getAllByText('Revoke')).toHaveLength(2);

    await act(async () => client.settleTx(1, { status: 'included', blockNumber: 19_000_000 }));
    await waitFor(() => expect(table.queryByText('USDbC')).toBeNull());
    expect(table.getByText('DAI')).toBeTruthy();
  });

  it('revokes a single allowance from its row', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    const dai = within(table.getByRole('row', { name: /^DAI for 0x9999…9999/ }));
    fireEvent.click(dai.getByRole('button', { name: 'Revoke' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Revoke 1 allowance?' }));
    expect(await dialog.findByText(`Revoke DAI's allowance for ${UNKNOWN_SPENDER}`)).toBeTruthy();
    expect(dialog.getByText('Network fee')).toBeTruthy();
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Sign revoke' })));
    expect(client.calls.find((c) => c.channel === 'approvals.revoke')?.request).toMatchObject({
      accountId: 2,
      chainId: 1,
      allowances: [{ token: DAI, spender: UNKNOWN_SPENDER }],
    });
    expect(await screen.findByText('Revoke sent. The list updates once it is included.')).toBeTruthy();
  });
});
