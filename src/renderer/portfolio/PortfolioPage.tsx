import { ChartPie } from 'lucide-react';
import { useDeferredValue, useMemo } from 'react';
import { NoAccountsPage } from '../accounts/NoAccountsPage';
import { useAccounts } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { Page } from '../screens/Page';
import { useWallet } from '../session/WalletContext';
import { AddTokenForm } from './AddTokenForm';
import { HoldingsChart } from './HoldingsChart';
import { NetworkFreshness } from './NetworkFreshness';
import { Panel } from './Panel';
import { PortfolioValue } from './PortfolioValue';
import { buildPortfolioModel } from './portfolioModel';
import { RefreshControl } from './RefreshControl';
import { TokenTable } from './TokenTable';
import { TokenWarnings } from './TokenWarnings';
import { TotalsByAccount, TotalsByNetwork } from './Totals';
import { useNow } from './useNow';
import { usePortfolio } from './usePortfolio';
import { useValueHistory } from './useValueHistory';
import { ValueChart } from './ValueChart';
import { makeValuing } from './valuing';
import './PortfolioPage.css';

const LEDE = 'What your accounts hold on every network you enable, read on chain at a known block.';

/** The portfolio across enabled networks: freshness, totals, holdings by network, tokens and their warnings. */
export function PortfolioPage() {
  const { chains, settings } = useWallet();
  // Price ages read in minutes; a tick every 10 s keeps them current without redrawing the tables each second.
  const now = useNow(10_000);
  const accounts = useAccounts();
  const portfolio = usePortfolio();
  const { view } = portfolio;
  const valueHistory = useValueHistory(view);
  const model = useMemo(
    () => (view ? buildPortfolioModel(view, accounts.list ?? []) : null),
    [view, accounts.list],
  );
  const valuing = useMemo(() => (view ? makeValuing(view, now) : null), [view, now]);
  const enabledChains = chains.filter((chain) => settings.enabledChainIds.includes(chain.id));
  // The first render with data shows the top of the page, down to the totals by network; the per-account totals
  // and the token table below them follow in the render after, so the first paint with the portfolio waits for
  // neither, and nothing above them moves when they come.
  const showAll = useDeferredValue(view !== null, false);

  if (accounts.list?.length === 0) {
    return (
      <NoAccountsPage
        title="Portfolio"
        lede={LEDE}
        icon={ChartPie}
        guidance="Watch an address to see its balances here without any keys, or add one from a Ledger or Trezor in Devices."
      />
    );
  }

  const failure = portfolio.error ?? accounts.error;
  return (
    <Page title="Portfolio" lede={LEDE} wide actions={<RefreshControl portfolio={portfolio} />}>
      {failure && <ErrorNote outcome="Could not load the portfolio" message={failure} />}
      {portfolio.refresh.state.status === 'failed' && (
        <ErrorNote
          outcome="Not refreshed"
          message={portfolio.refresh.state.message}
          onDismiss={portfolio.refresh.clear}
        />
      )}
      {view && model && valuing && (
        <>
          <TokenWarnings
            warnings={view.warnings}
            tokens={view.tokens}
            chains={view.chains}
            severity="danger"
          />
          <PortfolioValue value={model.value} valuing={valuing} />
          <ValueChart
            history={valueHistory.data}
            error={valueHistory.error}
            view={view}
            accounts={accounts.list ?? []}
          />
          <NetworkFreshness chains={view.chains} />
          <div className="portfolio__split">
            <TotalsByNetwork chains={model.chains} valuing={valuing} />
            <HoldingsChart chains={model.chains} currency={view.currency} />
          </div>
        </>
      )}
      {view && model && valuing && showAll && (
        <>
          <TotalsByAccount accounts={model.accounts} known={accounts.list ?? []} valuing={valuing} />
          <Panel title="Tokens" note="Open a row for each account’s balance">
            <TokenWarnings
              warnings={view.warnings}
              tokens={view.tokens}
              chains={view.chains}
              severity="info"
              heldTokens={model.heldTokens}
            />
            <TokenTable
              rows={model.rows}
              hiddenRows={model.hiddenRows}
              unheldListTokens={model.unheldListTokens}
              valuing={valuing}
              onChanged={portfolio.reload}
            />
          </Panel>
          <AddTokenForm chains={enabledChains} onAdded={portfolio.reload} />
        </>
      )}
    </Page>
  );
}
