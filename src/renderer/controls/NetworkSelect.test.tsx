// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChain } from '../../shared/chains/registry';
import type { Chain } from '../../shared/chains/chain';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { pickableChains } from './NetworkSelect';

const known = (id: number): Chain => {
  const chain = findChain(id);
  if (!chain) throw new Error(`no chain ${id} in the registry`);
  return chain;
};

describe('pickableChains', () => {
  const chains = [known(1), known(10), known(42161), known(8453)];

  it('lists only the enabled networks, in the wallet’s order', () => {
    expect(pickableChains(chains, [8453, 1], 1)).toEqual([
      { chain: known(1), off: false },
      { chain: known(8453), off: false },
    ]);
  });

  it('keeps the network in use, marked off, when it is not enabled', () => {
    expect(pickableChains(chains, [1], 10)).toEqual([
      { chain: known(1), off: false },
      { chain: known(10), off: true },
    ]);
  });
});

describe('NetworkSelect', () => {
  let client: WalletClientDouble;
  beforeEach(() => {
    client = new WalletClientDouble();
    client.settings = { ...client.settings, activeChainId: 1, enabledChainIds: [1, 8453] };
  });
  afterEach(cleanup);

  const optionNames = (select: HTMLElement) =>
    within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);

  it('offers the top bar only the enabled networks, with a way to enable more', async () => {
    await openPage(client, 'history', 'History');
    expect(optionNames(screen.getByRole('combobox', { name: 'Network' }))).toEqual(['Ethereum', 'Base']);
    expect(screen.getByRole('link', { name: 'Enable more networks…' }).getAttribute('href')).toBe(
      '#/settings/networks',
    );
  });

  it('shows a network in use that is off as off, rather than another one', async () => {
    client.settings = { ...client.settings, activeChainId: 10 };
    await openPage(client, 'history', 'History');
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Network' });
    expect(optionNames(select)).toEqual(['Ethereum', 'OP Mainnet (off)', 'Base']);
    expect(select.value).toBe('10');
  });

  it('leaves the link out on Settings, where the networks list is on the page', async () => {
    await openPage(client, 'settings', 'Settings');
    const pickers = screen
      .getAllByRole('combobox')
      .filter((el) => within(el).queryByRole('option', { name: 'Base' }));
    expect(pickers.length).toBe(2);
    // One link: the top bar's; the Default network picker has none.
    expect(screen.getAllByRole('link', { name: 'Enable more networks…' })).toHaveLength(1);
  });
});
