import { ChartPie } from 'lucide-react';
import type { AccountView } from '../../shared/accounts';
import { useDeferredValue, useMemo } from 'react';
import { NoAccountsPage } from '../accounts/NoAccountsPage';
import { useAccounts } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { PRICE_AGE_UNIT } from '../format/priceSource';
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
import { useDatedNow } from './useNow';
import { usePortfolio } from './usePortfolio';
import { useSteadyView } from './useSteadyView';
import { useValueHistory } from './useValueHistory';
import { ValueChart } from './ValueChart';
import { makeValuing, priceDates } from './valuing';
import './PortfolioPage.css';

const NO_ACCOUNTS: readonly AccountView[] = [];
const LEDE = 'What your accounts hold on every network you enable, read on chain at a known block.';

/** The portfolio across enabled networks: freshness, totals, holdings by network, tokens and their warnings. */
export function PortfolioPage() {
  const { chains, settings } = useWallet();
  const accounts = useAccounts();
  const portfolio = usePortfolio();
  const { view } = portfolio;
  const valueHistory = useValueHistory(view);
  // What the tables and charts show; a poll that moved only the networks' blocks redraws the chips alone.
  const steady = useSteadyView(view);
  const model = useMemo(
    () => (steady ? buildPortfolioModel(steady, accounts.list ?? NO_ACCOUNTS) : null),
    [steady, accounts.list],
  );
  // Price ages lag by at most a 10 s tick, and the tables under them redraw only when one of them changes.
  const dates = useMemo(() => (steady ? priceDates(steady) : []), [steady]);
  const now = useDatedNow(10_000, dates, PRICE_AGE_UNIT);
  const valuing = useMemo(() => (steady ? makeValuing(steady, now) : null), [steady, now]);
  const enabledChains = useMemo(
    () => chains.filter((chain) => settings.enabledChainIds.includes(chain.id)),
    [chains, settings.enabledChainIds],
  );
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
      {view && steady && model && valuing && (
        <>
          <TokenWarnings
            warnings={steady.warnings}
            tokens={steady.tokens}
            chains={steady.chains}
            severity="danger"
          />
          <PortfolioValue value={model.value} valuing={valuing} />
          <ValueChart
            history={valueHistory.data}
            error={valueHistory.error}
            view={steady}
            accounts={accounts.list ?? NO_ACCOUNTS}
          />
          <NetworkFreshness chains={view.chains} />
          <div className="portfolio__split">
            <TotalsByNetwork chains={model.chains} valuing={valuing} />
            <HoldingsChart chains={model.chains} currency={steady.currency} />
          </div>
        </>
      )}
      {steady && model && valuing && showAll && (
        <>
          <TotalsByAccount accounts={model.accounts} known={accounts.list ?? NO_ACCOUNTS} valuing={valuing} />
          <Panel title="Tokens" note="Open a row for each account’s balance">
            <TokenWarnings
              warnings={steady.warnings}
              tokens={steady.tokens}
              chains={steady.chains}
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
