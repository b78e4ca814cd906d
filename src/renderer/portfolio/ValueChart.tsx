import { Network, Wallet } from 'lucide-react';
import { memo, Suspense, useId, useMemo, useState } from 'react';
import { shortAddress } from '../../shared/format/shortAddress';
import type { PortfolioView, ValueHistoryView } from '../../shared/portfolio';
import type { FiatCurrency } from '../../shared/settings';
import { ChainDot } from '../chains/ChainBadge';
import { ErrorNote } from '../controls/ErrorNote';
import { SegmentedControl, type Segment } from '../controls/SegmentedControl';
import { moneyWords } from '../format/money';
import { plural } from '../format/plural';
import { momentText } from './chartFormat';
import { Panel } from './Panel';
import { FailureBoundary } from '../routing/FailureBoundary';
import { lazyScreen } from '../routing/lazyScreen';
import { ReloadButton } from '../routing/ReloadButton';
import {
  holdingKey,
  seriesTone,
  shapeValueHistory,
  type ValueChartData,
  type ValueGrouping,
} from './valueSeries';
import './ValueChart.css';

const GROUPINGS: readonly Segment<ValueGrouping>[] = [
  { value: 'network', label: 'By network', icon: Network },
  { value: 'account', label: 'By account', icon: Wallet },
];
/**
 * The plot and its chart library (d3 through visx) are most of the portfolio's code: in a chunk of their own,
 * fetched when there is a line to draw, the page's first paint with the portfolio does not wait for them to
 * load and run, and a wallet with fewer than two snapshots never loads them.
 */
export const VALUE_PLOT = lazyScreen(() => import('./ValuePlot').then((m) => m.ValuePlot));

/** The table is the chart's accessible twin, not an export: the latest snapshots are what a reader asks for. */
const TABLE_ROWS = 48;

interface ValueChartProps {
  /** Null while it loads, or when it could not be loaded (then `error` says why). */
  history: ValueHistoryView | null;
  error?: string | null;
  /** For network names and order, and which accounts and networks are still in the portfolio. */
  view: PortfolioView;
  /** The user's accounts, in the order the page lists them, for labels. */
  accounts: readonly { address: string; label: string }[];
}

/** The portfolio's value at each refresh, by network or by account, with its figures as text and as a table. */
export const ValueChart = memo(function ValueChart({
  history,
  error = null,
  view,
  accounts,
}: ValueChartProps) {
  const [grouping, setGrouping] = useState<ValueGrouping>('network');
  const toggleLabel = useId();
  const data = useMemo(() => {
    if (!history) return null;
    const chainOrder = new Map(view.chains.map((chain, index) => [String(chain.chainId), index]));
    const accountOrder = new Map(accounts.map((account, index) => [account.address.toLowerCase(), index]));
    const labels = new Map(accounts.map((account) => [account.address.toLowerCase(), account.label]));
    return shapeValueHistory(history.points, grouping, {
      present: new Set(view.holdings.map((holding) => holdingKey(holding.chainId, holding.account))),
      chainName: (chainId) => view.chains.find((c) => c.chainId === chainId)?.name ?? `Chain ${chainId}`,
      accountLabel: (account) => labels.get(account.toLowerCase()) || shortAddress(account),
      order: (by, id) => (by === 'network' ? chainOrder : accountOrder).get(id) ?? Infinity,
    });
  }, [history, view, accounts, grouping]);

  const currency = history?.currency ?? view.currency;
  return (
    <Panel
      title="Value over time"
      note={`In ${currency}, at each refresh`}
      actions={
        <>
          <span id={toggleLabel} className="visually-hidden">
            Show value
          </span>
          <SegmentedControl<ValueGrouping>
            name="value-grouping"
            labelledBy={toggleLabel}
            segments={GROUPINGS}
            value={grouping}
            onChange={setGrouping}
          />
        </>
      }
    >
      <div className="card value-chart">
        {data && <ValueChartBody data={data} currency={currency} grouping={grouping} />}
        {!data && error && <ErrorNote outcome="Could not load the value history" message={error} />}
        {!data && !error && <p className="value-chart__message">Loading the value history…</p>}
      </div>
    </Panel>
  );
});

/** The history as drawn: its lines, in the currency the snapshots were taken in, grouped as the user chose. */
interface ShapedHistory {
  data: ValueChartData;
  currency: FiatCurrency;
  grouping: ValueGrouping;
}

function PlotUnavailable(_failure: unknown, reload: () => void) {
  return (
    <div className="value-plot value-plot--pending value-plot--unavailable">
      <p>The chart could not be drawn. The table below has the same figures.</p>
      <ReloadButton onReload={reload} label="Reload the chart" primary={false} />
    </div>
  );
}

function ValueChartBody({ data, currency, grouping }: ShapedHistory) {
  const snapshots = data.times.length;
  return (
    <>
      {snapshots === 0 && (
        <p className="value-chart__message">
          No snapshots yet: the chart starts at the next refresh that finds a price.
        </p>
      )}
      {snapshots === 1 && (
        <p className="value-chart__message">One snapshot so far; the chart fills in as you refresh.</p>
      )}
      {snapshots > 1 && (
        // A plot that cannot load leaves the rest of the Portfolio on view; the table below has its figures.
        <FailureBoundary name="The value chart" retry={VALUE_PLOT.preload} fallback={PlotUnavailable}>
          <Suspense fallback={<div className="value-plot value-plot--pending" aria-busy="true" />}>
            <VALUE_PLOT.Screen data={data} currency={currency} />
          </Suspense>
        </FailureBoundary>
      )}
      {snapshots > 0 && <Legend data={data} currency={currency} />}
      <p className="value-chart__caption">
        {data.unpricedAtEnd > 0
          ? `Leaves out ${plural(data.unpricedAtEnd, 'holding', 'holdings')} with no current price (stale or none), so the latest value counts only what is priced.`
          : 'Only priced holdings count: one that is stale or has no price is left out, never counted as 0.'}
      </p>
      {snapshots > 0 && <ValueTable data={data} currency={currency} grouping={grouping} />}
    </>
  );
}

function Legend({ data, currency }: { data: ValueChartData; currency: FiatCurrency }) {
  const last = data.times.length - 1;
  return (
    <ul className="value-chart__legend" aria-label="Latest value">
      {data.series.map((series, slot) => {
        const latest = series.values[last];
        return (
          <li key={series.key} className="value-chart__key">
            {series.chainId === null ? (
              <span className="value-chart__swatch" {...seriesTone(series, slot)} aria-hidden="true" />
            ) : (
              <ChainDot chainId={series.chainId} />
            )}
            <span className="value-chart__label">{series.label}</span>
            <span className="value-chart__figure">
              {latest == null ? 'no longer held' : moneyWords(latest, currency).text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function ValueTable({ data, currency, grouping }: ShapedHistory) {
  const rows = data.times
    .map((at, index) => ({ at, index }))
    .slice(-TABLE_ROWS)
    .reverse();
  const money = (value: string | null | undefined) =>
    value == null ? '—' : moneyWords(value, currency).text;
  return (
    <details className="value-chart__details">
      <summary>Show the figures as a table</summary>
      <table className="value-chart__table">
        <caption>
          Value by {grouping} in {currency}, newest first
          {data.times.length > TABLE_ROWS && ` (the latest ${TABLE_ROWS} of ${data.times.length} snapshots)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {data.series.map((series) => (
              <th key={series.key} scope="col">
                {series.label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ at, index }) => (
            <tr key={at}>
              <th scope="row">{momentText(at)}</th>
              {data.series.map((series) => (
                <td key={series.key}>{money(series.values[index])}</td>
              ))}
              <td>{money(data.totals[index])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
