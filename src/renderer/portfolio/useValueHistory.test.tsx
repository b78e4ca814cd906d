// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { PortfolioView } from '../../shared/portfolio';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ALICE, fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { WalletContext } from '../session/WalletContext';
import { useValueHistory } from './useValueHistory';

function wrapperFor(client: WalletClientDouble) {
  const wallet = {
    info: client.info,
    chains: [],
    settings: DEFAULT_SETTINGS,
    client,
    saveSettings: async () => DEFAULT_SETTINGS,
  };
  return ({ children }: { children: ReactNode }) => <WalletContext value={wallet}>{children}</WalletContext>;
}

const asked = (client: WalletClientDouble) =>
  client.calls.filter((call) => call.channel === 'portfolio.valueHistory').length;

describe('useValueHistory', () => {
  it('asks again when a read lands or the currency changes, not on a push that changes neither', async () => {
    const client = new WalletClientDouble();
    client.valueHistory = {
      currency: 'USD',
      points: [{ at: 1, chainId: 1, account: ALICE, value: '5', unpriced: 0 }],
    };
    const view = fixturePortfolio();
    const { result, rerender } = renderHook((current: PortfolioView) => useValueHistory(current), {
      wrapper: wrapperFor(client),
      initialProps: view,
    });
    await waitFor(() => expect(result.current.data?.points).toHaveLength(1));
    const before = asked(client);

    rerender({ ...view, chains: view.chains.map((chain) => ({ ...chain, state: 'stale' as const })) });
    rerender({ ...view, currency: 'EUR' });
    await waitFor(() => expect(asked(client)).toBe(before + 1));
    const readAgain = view.chains.map((chain) =>
      chain.lastRead
        ? { ...chain, lastRead: { ...chain.lastRead, readAt: chain.lastRead.readAt + 1 } }
        : chain,
    );
    rerender({ ...view, currency: 'EUR', chains: readAgain });
    await waitFor(() => expect(asked(client)).toBe(before + 2));
  });
});
