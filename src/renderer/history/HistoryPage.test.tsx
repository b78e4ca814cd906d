// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryQuery } from '../../shared/history';
import {
  FIXTURE_TIME,
  HISTORY_FIXTURE,
  HISTORY_STATUS_FIXTURE,
  fixtureHash,
  longHistory,
} from '../../../test/renderer/historyFixture';
import { openPage, region } from '../../../test/renderer/openPage';
import { ALICE, FIXTURE_ACCOUNTS, USDC } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.accounts = FIXTURE_ACCOUNTS;
  client.history = HISTORY_FIXTURE;
  client.historyStatus = HISTORY_STATUS_FIXTURE;
  client.settings = { ...client.settings, enabledChainIds: [1, 42161, 8453, 10] };
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const openHistory = async () => {
  await openPage(client, 'history', 'History');
  await screen.findByRole('list', { name: 'Timeline' });
};
const timeline = () => within(screen.getByRole('list', { name: 'Timeline' }));
const rowNames = () =>
  timeline()
    .queryAllByRole('button')
    .map((row) => row.textContent ?? '');
const pageQueries = () =>
  client.calls.filter((call) => call.channel === 'history.page').map((call) => call.request as HistoryQuery);
const lastQuery = () => pageQueries().at(-1);

describe('HistoryPage', () => {
  it('offers a way to add an account when there is none', async () => {
    client.accounts = [];
    await openPage(client, 'history', 'History');
    expect(await screen.findByRole('heading', { name: 'No accounts yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add watch-only address' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to Devices' })).toBeTruthy();
  });

  it('says each entry in plain words, newest first, under its day', async () => {
    await openHistory();
    const rows = rowNames();
    expect(rows).toHaveLength(HISTORY_FIXTURE.length);
    expect(rows[0]).toMatch(
      /^Sent 0\.5 ETH to CarolConfirming.*Ethereum.*Treasury.*Signed on Ledger Nano X \(f00dbabe\)/,
    );
    expect(rows[1]).toMatch(/^Received 120 USDC from 0x2222…2222/);
    expect(rows[2]).toMatch(/^Approved Uniswap Router to spend USDC \(unlimited\)/);
    expect(rows[5]).toMatch(/^Bridged 100 USDC Ethereum → Arbitrum One via Across · arrived after 2 min/);
    expect(rows[6]).toMatch(/waiting for Base/);
    expect(rows[7]).toMatch(/· refunded/);
    expect(rows[8]).toMatch(/^Called claimRewards on 0x4444…4444Failed/);
    // The last entry is a day older than the rest, so it sits under a second day header.
    expect(timeline().getAllByRole('heading', { level: 3 })).toHaveLength(2);
  });

  it('turns each filter into main’s query, from the first page', async () => {
    await openHistory();
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Networks' })).getByRole('button', { name: 'Arbitrum One' }),
    );
    await waitFor(() => expect(rowNames()).toHaveLength(1));
    expect(lastQuery()).toEqual({ chainIds: [42161], limit: 100 });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'bridge' } });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    expect(lastQuery()).toEqual({ kinds: ['bridge'], limit: 100 });

    fireEvent.change(screen.getByRole('combobox', { name: 'Account' }), { target: { value: ALICE } });
    await waitFor(() => expect(lastQuery()).toEqual({ accounts: [ALICE], kinds: ['bridge'], limit: 100 }));

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Token' }), { target: { value: 'native' } });
    await waitFor(() => expect(lastQuery()).toEqual({ token: 'native', limit: 100 }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
  });

  it('searches by hash, address or label once the user stops typing', async () => {
    await openHistory();
    const search = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.change(search, { target: { value: fixtureHash(5) } });
    expect(lastQuery()?.search).toBeUndefined();
    await waitFor(() => expect(rowNames()).toHaveLength(1));
    expect(rowNames()[0]).toMatch(/^Swapped 1 ETH for 3,000 USDC/);

    fireEvent.change(search, { target: { value: 'uniswap' } });
    await waitFor(() => expect(lastQuery()).toEqual({ search: 'uniswap', limit: 100 }));
    // The router's label names it as a swap's counterparty and as an approval's spender.
    await waitFor(() => expect(rowNames()).toHaveLength(2));

    fireEvent.change(search, { target: { value: 'nobody-by-this-name' } });
    expect(await screen.findByRole('heading', { name: 'Nothing matches these filters' })).toBeTruthy();
  });

  it('asks for the next page with the cursor main gave, as the user scrolls', async () => {
    client.history = longHistory(250);
    await openHistory();
    expect(pageQueries()).toEqual([{ limit: 100 }]);
    const viewport = screen.getByRole('list', { name: 'Timeline' }).parentElement as HTMLElement;
    viewport.scrollTop = 5000;
    fireEvent.scroll(viewport);
    await waitFor(() => expect(pageQueries()).toHaveLength(2));
    const [, second] = pageQueries();
    expect(second).toEqual({ limit: 100, after: `${FIXTURE_TIME - 99 * 60}:100` });
  });

  it('opens the drawer with both legs of a bridge, linked to each chain’s explorer', async () => {
    await openHistory();
    fireEvent.click(timeline().getByRole('button', { name: /^Bridged 100 USDC/ }));
    const drawer = within(await screen.findByRole('dialog', { name: 'Transaction details' }));
    const legs = drawer.getByRole('region', { name: 'Bridge via Across' });
    expect(within(legs).getByText('Sent on Ethereum')).toBeTruthy();
    expect(within(legs).getByText('Arrived on Arbitrum One')).toBeTruthy();
    expect(within(legs).getByText('Took 2 min')).toBeTruthy();
    const links = within(legs)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href'));
    expect(links).toEqual([
      `https://etherscan.io/tx/${fixtureHash(6)}`,
      `https://arbiscan.io/tx/${fixtureHash(1006)}`,
    ]);
    expect(drawer.getByText(/^Signed on Ledger Nano X \(f00dbabe\)/)).toBeTruthy();
    expect(drawer.getByRole('button', { name: 'Copy transaction hash on Ethereum' })).toBeTruthy();

    fireEvent.click(drawer.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says a bridge still waiting for its destination', async () => {
    await openHistory();
    fireEvent.click(timeline().getByRole('button', { name: /waiting for Base/ }));
    const drawer = within(await screen.findByRole('dialog', { name: 'Transaction details' }));
    expect(drawer.getByText('Waiting for Base')).toBeTruthy();
    expect(drawer.getByText(/Not seen on Base yet/)).toBeTruthy();
  });

  it('shows the approval in the drawer, opened from the keyboard', async () => {
    await openHistory();
    const row = timeline().getByRole('button', { name: /^Approved Uniswap Router/ });
    row.focus();
    // A native button opens on Enter; the click it sends is what the row listens to.
    fireEvent.keyDown(row, { key: 'Enter' });
    fireEvent.click(row);
    const drawer = within(await screen.findByRole('dialog', { name: 'Transaction details' }));
    expect(drawer.getByText('Unlimited USDC')).toBeTruthy();
    expect(drawer.getByText('Uniswap Router')).toBeTruthy();
    expect(drawer.getByRole('button', { name: 'Copy spender address' })).toBeTruthy();
    expect(drawer.getAllByText(USDC)).toHaveLength(2);
  });

  it('keeps the sync strip current from progress events, and syncs on request', async () => {
    await openHistory();
    const chips = () =>
      region('Sync')
        .getAllByRole('listitem')
        .map((chip) => chip.textContent);
    expect(chips()).toEqual([
      expect.stringMatching(/^Ethereum.*Synced.*via Otterscan · block 18,000,100 of 18,000,100/),
      expect.stringMatching(/^Arbitrum One.*Syncing.*via Etherscan · block 150,000,000 of 201,234,567/),
      expect.stringMatching(/^Base.*Failed.*Not indexed yet.*429 Too Many Requests/),
    ]);
    act(() =>
      client.emit('history.progress', {
        chainId: 42161,
        state: 'syncing',
        provider: 'etherscan',
        indexedBlock: 190_000_000,
        headBlock: 201_234_567,
        message: null,
      }),
    );
    expect(chips()[1]).toMatch(/block 190,000,000 of 201,234,567/);

    await act(async () => fireEvent.click(region('Sync').getByRole('button', { name: 'Sync now' })));
    expect(client.calls.some((call) => call.channel === 'history.sync')).toBe(true);
    expect(chips().every((chip) => chip?.includes('Synced'))).toBe(true);
  });

  it('shows new entries at once at the top, and offers them when scrolled down', async () => {
    client.history = longHistory(150);
    await openHistory();
    const [template] = longHistory(1);
    if (!template) throw new Error('no fixture entry');
    const newest = (id: number) => ({
      ...template,
      id,
      hash: fixtureHash(id),
      timestamp: FIXTURE_TIME + id,
    });
    client.history = [newest(9001), ...client.history];
    await act(async () => client.emit('history.changed', { chainIds: [1] }));
    await waitFor(() => expect(rowNames()[0]).toMatch(/^Sent 0\.001 ETH/));
    expect(pageQueries()).toHaveLength(2);

    const viewport = screen.getByRole('list', { name: 'Timeline' }).parentElement as HTMLElement;
    viewport.scrollTop = 900;
    fireEvent.scroll(viewport);
    client.history = [newest(9002), newest(9003), ...client.history];
    await act(async () => client.emit('history.changed', { chainIds: [1] }));
    const fresh = await screen.findByText('2 new');
    fireEvent.click(within(fresh.parentElement as HTMLElement).getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(screen.queryByText('2 new')).toBeNull());
  });

  it('exports the current filters as CSV through a download', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:history';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await openHistory();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'swap' } });
    await waitFor(() => expect(rowNames()).toHaveLength(1));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export CSV' })));

    expect(client.calls.find((call) => call.channel === 'history.exportCsv')?.request).toEqual({
      kinds: ['swap'],
    });
    expect(downloads).toEqual(['ledgerline-history-2030-01-02.csv']);
    expect(blobs[0]?.type).toBe('text/csv');
    expect(await blobs[0]?.text()).toBe(`chain,hash,kind,status\n1,${fixtureHash(5)},swap,success`);
  });

  it('says history is syncing while there is nothing yet', async () => {
    client.history = [];
    await openPage(client, 'history', 'History');
    expect(await screen.findByRole('heading', { name: 'Syncing your history' })).toBeTruthy();
  });
});
