// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage, region } from '../../../test/renderer/openPage';
import { FIXTURE_ACCOUNTS, SPAM, fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { App } from '../App';
import { firstCallsAt, withFirstCalls } from '../session/firstCalls';
import { preloadScreenAt } from '../shell/routeScreens';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.accounts = FIXTURE_ACCOUNTS;
  client.portfolio = fixturePortfolio();
  client.settings = { ...client.settings, enabledChainIds: [1, 42161, 8453] };
});
afterEach(cleanup);

const openPortfolio = async () => {
  await openPage(client, 'portfolio', 'Portfolio');
  await screen.findByRole('table', { name: 'Tokens' });
};
const tokenRows = () =>
  within(screen.getByRole('table', { name: 'Tokens' }))
    .getAllByRole('row')
    .slice(1);
/** The line Refresh is described by: what it is doing, or when balances were last read. */
const refreshLine = () => {
  const button = screen.getByRole('button', { name: 'Refresh' });
  const line = document.getElementById(button.getAttribute('aria-describedby') ?? '');
  expect(line?.getAttribute('role')).toBe('status');
  return line?.textContent;
};
const rowOf = (text: string) => {
  const row = tokenRows().find((r) => within(r).queryByRole('rowheader')?.textContent?.startsWith(text));
  if (!row) throw new Error(`no token row starting with ${text}`);
  return row;
};

describe('PortfolioPage', () => {
  it('shows the portfolio in its first render from what the page asked for as it started, asked once', async () => {
    history.replaceState(null, '', '/#/portfolio');
    await preloadScreenAt('#/portfolio');
    render(<App connection={{ ok: true, client: withFirstCalls(client, firstCallsAt('#/portfolio')) }} />);
    await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
    // In the same commit as the heading, not one render and one round trip later.
    expect(region('Totals by network').getAllByRole('row').length).toBeGreaterThan(1);
    await screen.findByRole('table', { name: 'Tokens' });
    const asked = (channel: string) => client.calls.filter((call) => call.channel === channel).length;
    // The account menu and the page show one list of accounts: main is asked for it once, not by each.
    expect(['portfolio.get', 'portfolio.valueHistory', 'settings.get', 'accounts.list'].map(asked)).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it('offers a watch-only address when there are no accounts', async () => {
    client.accounts = [];
    await openPage(client, 'portfolio', 'Portfolio');
    expect(await screen.findByRole('heading', { name: 'No accounts yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add watch-only address' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Tokens' })).toBeNull();
  });

  it('shows each network fresh or stale, with block and reason', async () => {
    await openPortfolio();
    const chips = region('Networks').getAllByRole('listitem');
    expect(chips.map((chip) => chip.textContent)).toEqual([
      expect.stringMatching(/^Ethereum.*Fresh.*block 19,876,543 · 10 s ago/),
      expect.stringMatching(/^Arbitrum One.*Stale.*last good block 201,234,567.*timed out after 8 s/),
      expect.stringMatching(/^Base.*Fresh/),
    ]);
  });

  it('totals the native coin per network and per account, exactly and never as 0 when unread', async () => {
    await openPortfolio();
    const byNetwork = region('Totals by network').getAllByRole('row').slice(1);
    expect(byNetwork[0]?.textContent).toContain('Ethereum12.75 ETH2 tokens');
    // Bob's Arbitrum balance could not be read: the total says it is a lower bound.
    expect(byNetwork[1]?.textContent).toContain('≥ 1 ETH');
    const byAccount = region('Totals by account').getAllByRole('row').slice(1);
    expect(byAccount[0]?.textContent).toContain('Treasury');
    expect(byAccount[0]?.textContent).toContain('15.5 ETH2 tokens');
    expect(byAccount[1]?.textContent).toContain('Watch-only');
  });

  it('values each token in the currency, saying which price it used and how old it is', async () => {
    await openPortfolio();
    const ether = rowOf('ETH');
    expect(ether.textContent).toContain('$44,073.94');
    const source = within(ether).getByText('ETH/USD feed · 4 min ago');
    // The network, the feed's address and its heartbeat are in the title, for whoever wants to check the feed.
    expect(source.getAttribute('title')).toContain(
      'ETH/USD feed on Ethereum at 0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419, heartbeat 1 h',
    );
    expect(within(rowOf('USDC.e')).getByText('CoinGecko · 2 min ago')).toBeTruthy();
    expect(rowOf('USDC.e').textContent).toContain('$249.95');
    // Opening the row shows the same details as text, for the keyboard and for reading.
    await act(async () => fireEvent.click(within(ether).getByRole('button', { name: /price details/ })));
    const detail = screen.getByRole('list', { name: 'Price details' });
    expect(
      within(detail)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(
        /^ETH\/USD feed on Ethereum at 0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419, heartbeat 1 h: updated .* \(4 min ago\)$/,
      ),
    ]);
  });

  it('says "stale" or "no price" with the reason, and shows no number for either', async () => {
    await openPortfolio();
    const arbitrumEth = tokenRows().find(
      (row) => row.textContent?.includes('Arbitrum One') && row.textContent.startsWith('ETH'),
    );
    const valueCell = (row: HTMLElement | undefined) => row?.querySelectorAll('td')[2];
    expect(valueCell(arbitrumEth)?.textContent).toBe(
      'staleThe ETH/USD feed last updated 2 d ago; it should update at least every 24 h.',
    );
    expect(valueCell(rowOf('USDС'))?.textContent).toBe(
      'no priceNo price feed covers this token, and the price service is off.',
    );
    // The stale feed's address and heartbeat are there to check the reason against.
    expect(arbitrumEth?.querySelector('.value-figure__state')?.getAttribute('title')).toContain(
      'ETH/USD feed on Arbitrum One at 0x639Fe6ab55C921f74e7fac1ee960C0B6293ba612, heartbeat 24 h',
    );
  });

  it('totals the value, saying it is a lower bound and which holdings it left out and why', async () => {
    await openPortfolio();
    const total = region('Total value');
    expect(total.getByText(/\$52,736\.19/).textContent).toBe('at least $52,736.19');
    expect(total.getByText('3 holdings not valued').tagName).toBe('SUMMARY');
    expect(total.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'USDС on Ethereum: no price. No price feed covers this token, and the price service is off.',
      'ETH on Arbitrum One: stale. The ETH/USD feed last updated 2 d ago; it should update at least every 24 h.',
      '1 balance could not be read, so not valued.',
    ]);
    const byNetwork = region('Totals by network').getAllByRole('row').slice(1);
    expect(byNetwork.map((row) => row.querySelectorAll('td')[2]?.textContent)).toEqual([
      '≥ $45,574.041 not valued',
      '≥ $249.952 not valued',
      '$6,912.20',
    ]);
    const byAccount = region('Totals by account').getAllByRole('row').slice(1);
    expect(byAccount[0]?.textContent).toContain('$51,871.99');
  });

  it('shows values in the user’s currency, without a minor unit for the yen', async () => {
    client.portfolio = { ...fixturePortfolio(), currency: 'JPY' };
    await openPortfolio();
    expect(rowOf('ETH').textContent).toContain('¥44,073');
    expect(screen.getAllByRole('columnheader', { name: 'Value in JPY' })).toHaveLength(3);
  });

  it('says "unavailable" for a balance that could not be read', async () => {
    await openPortfolio();
    const arbitrumEth = tokenRows().filter((row) => row.textContent?.includes('Arbitrum One'))[0];
    if (!arbitrumEth) throw new Error('no Arbitrum row');
    await act(async () =>
      fireEvent.click(within(arbitrumEth).getByRole('button', { name: /Balances by account/ })),
    );
    const breakdown = tokenRows().filter((row) => row.className.includes('account-row'));
    expect(breakdown.map((row) => row.textContent)).toEqual([
      expect.stringContaining('1 ETH'),
      expect.stringContaining('unavailable'),
    ]);
  });

  it('raises the look-alike as an alert naming both tokens, and marks the suspect row', async () => {
    await openPortfolio();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Look-alike token on Ethereum');
    expect(alert.textContent).toContain('0xBAD0…0bad');
    expect(alert.textContent).toContain('0xA0b8…eB48');
    expect(alert.textContent).toContain('contains a non-Latin letter');
    expect(rowOf('USDС').textContent).toContain('Look-alike');
    expect(rowOf('USDCUSD Coin').textContent).not.toContain('Look-alike');
    // The bridged variant is a note, not an alarm.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByText(/USDC.e is the bridged variant/)).toBeTruthy();
  });

  it('leaves hidden tokens out until asked, and shows one again through main', async () => {
    await openPortfolio();
    expect(tokenRows().some((row) => row.textContent?.includes('CLAIM'))).toBe(false);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Show 1 hidden token' })));
    const claim = rowOf('CLAIM');
    expect(claim.textContent).toContain('Hidden');
    await act(async () => fireEvent.click(within(claim).getByRole('button', { name: 'Show CLAIM on Base' })));
    expect(client.calls).toContainEqual({
      channel: 'tokens.setHidden',
      request: { chainId: 8453, address: SPAM, hidden: false },
    });
    expect(screen.queryByRole('button', { name: /hidden token/ })).toBeNull();
    expect(rowOf('CLAIM').textContent).not.toContain('Hidden');
  });

  it('refreshes with visible progress and asks for the portfolio again when it is done', async () => {
    await openPortfolio();
    const button = screen.getByRole('button', { name: 'Refresh' });
    // Before any refresh, the line dates the newest read (the fixture's Ethereum, 12 s old, in 5 s steps).
    expect(refreshLine()).toBe('Updated 10 s ago');
    expect(button.getAttribute('aria-busy')).toBe('false');
    const release = client.hold('portfolio.refresh');
    await act(async () => fireEvent.click(button));
    expect(button.getAttribute('aria-busy')).toBe('true');
    act(() => client.emit('portfolio.progress', { chainId: 1, done: 1, total: 3 }));
    expect(screen.getByText('Refreshing 2 of 3 networks…').getAttribute('role')).toBe('status');
    const before = client.calls.filter((call) => call.channel === 'portfolio.get').length;
    await act(async () => release());
    expect(client.calls.filter((call) => call.channel === 'portfolio.get').length).toBeGreaterThan(before);
    expect(screen.queryByText(/Refreshing/)).toBeNull();
    expect(button.getAttribute('aria-busy')).toBe('false');
    // The fixture's Arbitrum One is stale: the line says the refresh finished and what it could not reach.
    expect(refreshLine()).toBe('Updated just now; Arbitrum One not reached');
  });

  it('shows a background poll’s reads with its reload, and a network going stale at once', async () => {
    await openPortfolio();
    const ethereumChip = () => region('Networks').getAllByRole('listitem')[0]?.textContent;
    const [ethereum, arbitrum] = fixturePortfolio().chains;
    if (!ethereum?.lastRead || !arbitrum) throw new Error('the fixture reads Ethereum');
    const read = {
      ...ethereum,
      lastRead: { ...ethereum.lastRead, blockNumber: 19_876_600, readAt: Date.now() },
    };
    client.portfolio = { ...client.portfolio, chains: [read, ...client.portfolio.chains.slice(1)] };
    act(() => client.emit('portfolio.progress', { chainId: 1, done: 1, total: 3 }));
    act(() => client.emit('chains.status', read));
    await act(async () => client.emit('portfolio.progress', { chainId: 8453, done: 3, total: 3 }));
    await waitFor(() => expect(ethereumChip()).toMatch(/block 19,876,600 · just now/));

    // With no reload after it, a read still shows, a moment later.
    const later = { ...read, lastRead: { ...read.lastRead, blockNumber: 19_876_601 } };
    act(() => client.emit('chains.status', later));
    await waitFor(() => expect(ethereumChip()).toMatch(/block 19,876,601/), { timeout: 3000 });

    act(() => client.emit('chains.status', { ...arbitrum, reason: 'The node stopped answering.' }));
    expect(region('Networks').getAllByRole('listitem')[1]?.textContent).toMatch(/The node stopped answering/);
  });

  it('says a failed refresh did not happen, and why', async () => {
    await openPortfolio();
    client.refuseNext('portfolio.refresh', { code: 'internal', message: 'The core stopped answering.' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Refresh' })));
    expect(refreshLine()).toBe('Not refreshed');
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toContainEqual(expect.stringContaining('Not refreshed: The core stopped answering.'));
    expect(screen.getByRole('button', { name: 'Refresh' }).getAttribute('aria-busy')).toBe('false');
  });

  it('lets the keyboard open a shortened balance to every digit', async () => {
    const portfolio = fixturePortfolio();
    // Alice's ether on Ethereum, with more digits than the table shows.
    portfolio.holdings = portfolio.holdings.map((holding, index) =>
      index === 0 ? { ...holding, amount: '4899615123456789012' } : holding,
    );
    client.portfolio = portfolio;
    await openPortfolio();
    // With Bob's 0.25 ETH the row's total is 5.149615123456789012 ETH.
    const figure = within(rowOf('ETH')).getByRole('button', { name: '5.149615… ETH' });
    expect(figure.getAttribute('title')).toBe('5.149615123456789012 ETH');
    figure.focus();
    expect(document.activeElement).toBe(figure);
    await act(async () => fireEvent.click(figure));
    expect(figure.getAttribute('aria-expanded')).toBe('true');
    expect(figure.textContent).toBe('5.149615123456789012 ETH');
  });

  it('adds a token on an enabled network, and shows main’s refusal inline', async () => {
    await openPortfolio();
    const address = screen.getByRole('textbox', { name: 'Contract address' });
    client.refuseNext('tokens.add', { code: 'not_a_token', message: 'No ERC-20 contract answers there.' });
    await act(async () =>
      fireEvent.change(address, { target: { value: '0x0000000000000000000000000000000000000001' } }),
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add token' })));
    expect(screen.getByText(/Not added: No ERC-20 contract answers there./)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add token' })));
    expect(client.calls.filter((call) => call.channel === 'tokens.add').at(-1)?.request).toEqual({
      chainId: 1,
      address: '0x0000000000000000000000000000000000000001',
    });
    expect(screen.getByText('Added NEW (New Token).')).toBeTruthy();
    expect(screen.queryByText(/Not added/)).toBeNull();
  });

  it('follows accounts added elsewhere', async () => {
    await openPortfolio();
    const before = client.calls.filter((call) => call.channel === 'portfolio.get').length;
    await act(async () => client.emit('accounts.changed', FIXTURE_ACCOUNTS.slice(0, 1)));
    expect(client.calls.filter((call) => call.channel === 'portfolio.get').length).toBe(before + 1);
  });
});
