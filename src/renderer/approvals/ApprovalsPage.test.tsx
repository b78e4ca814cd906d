// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AllowanceView } from '../../shared/tx';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { USDC } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const ROUTER = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
const UNKNOWN_SPENDER = '0x9999999999999999999999999999999999999999';
const ledger = ledgerDevice();
const main = deviceAccount(1, ledger, 'ledger-live', 0, 'Ledger main');
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
    amount: null,
    unlimited: true,
    approvedAt: 1_700_000_000,
    blockNumber: 18_500_000,
    ...extra,
  };
}

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledger];
  client.accounts = [main];
  client.allowances = [
    allowance({}),
    allowance({
      token: DAI,
      symbol: 'DAI',
      decimals: 18,
      spender: UNKNOWN_SPENDER,
      spenderLabel: null,
      amount: (100n * 10n ** 18n).toString(),
      unlimited: false,
    }),
    allowance({ chainId: 8453, symbol: 'USDbC' }),
  ];
});
afterEach(cleanup);

async function allowanceTable() {
  const table = within(await screen.findByRole('table', { name: 'Allowances' }));
  await table.findByText('USDC');
  return table;
}

describe('Approvals page', () => {
  it('lists the allowances on the network with unlimited ones marked as a risk', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    const usdc = within(table.getByRole('row', { name: 'USDC for Uniswap Universal Router' }));
    expect(usdc.getByText('Unlimited').getAttribute('data-tone')).toBe('danger');
    const dai = within(table.getByRole('row', { name: 'DAI for 0x9999…9999' }));
    expect(dai.getByText('100')).toBeTruthy();
    expect(table.queryByText('USDbC')).toBeNull();
  });

  it('revokes the selected allowances after a confirmation, and drops each once included', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    fireEvent.click(
      table.getByRole('checkbox', { name: 'Select USDC allowance for Uniswap Universal Router' }),
    );
    fireEvent.click(table.getByRole('checkbox', { name: 'Select DAI allowance for 0x9999…9999' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke 2 selected' }));

    const dialog = within(screen.getByRole('dialog', { name: 'Revoke 2 allowances?' }));
    expect(dialog.getByText(/Each revoke is one transaction signed on your device/)).toBeTruthy();
    const sign = dialog.getByRole('button', { name: 'Sign 2 revokes' }) as HTMLButtonElement;
    // Main reviews each revoke first; Sign waits until they are on screen.
    expect(sign.disabled).toBe(true);
    const revokes = within(await dialog.findByRole('list', { name: 'Revokes' }));
    expect(revokes.getByText("Revoke USDC's allowance for Uniswap Universal Router")).toBeTruthy();
    expect(revokes.getByText(`Revoke DAI's allowance for ${UNKNOWN_SPENDER}`)).toBeTruthy();
    expect(revokes.getAllByRole('list', { name: 'What the device will show' })).toHaveLength(2);
    expect(client.calls.find((c) => c.channel === 'approvals.reviewRevoke')?.request).toEqual({
      accountId: 1,
      chainId: 1,
      allowances: [
        { token: USDC, spender: ROUTER },
        { token: DAI, spender: UNKNOWN_SPENDER },
      ],
    });
    expect(sign.disabled).toBe(false);
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Sign 2 revokes' })));
    expect(client.calls.find((c) => c.channel === 'approvals.revoke')?.request).toEqual({
      accountId: 1,
      chainId: 1,
      allowances: [
        { token: USDC, spender: ROUTER },
        { token: DAI, spender: UNKNOWN_SPENDER },
      ],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const recent = within(screen.getByRole('list', { name: 'Recent transactions' }));
    expect(recent.getAllByText('Revoke')).toHaveLength(2);

    await act(async () => client.settleTx(1, { status: 'included', blockNumber: 19_000_000 }));
    await waitFor(() => expect(table.queryByText('USDC')).toBeNull());
    expect(table.getByText('DAI')).toBeTruthy();
  });

  it('revokes a single allowance from its row', async () => {
    await openPage(client, 'approvals', 'Approvals');
    const table = await allowanceTable();
    const dai = within(table.getByRole('row', { name: 'DAI for 0x9999…9999' }));
    fireEvent.click(dai.getByRole('button', { name: 'Revoke' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Revoke 1 allowance?' }));
    expect(await dialog.findByText(`Revoke DAI's allowance for ${UNKNOWN_SPENDER}`)).toBeTruthy();
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Sign revoke' })));
    expect(client.calls.find((c) => c.channel === 'approvals.revoke')?.request).toMatchObject({
      allowances: [{ token: DAI, spender: UNKNOWN_SPENDER }],
    });
    expect(await screen.findByText('Revoke sent. The list updates once it is included.')).toBeTruthy();
  });
});
