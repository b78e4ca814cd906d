import { memo } from 'react';
import type { FiatCurrency } from '../../shared/settings';
import { ChainDot } from '../chains/ChainBadge';
import { chainTone } from '../chains/chainTone';
import { moneyWords } from '../format/money';
import { plural } from '../format/plural';
import type { ChainTotals } from './portfolioModel';
import { Panel } from './Panel';
import { leftOutCount } from './valueTotals';
import './HoldingsChart.css';

/** Bars are drawn in a 100-unit box that CSS stretches to the column. */
const BAR_BOX = 100;

/**
 * Value by network, in the user's currency. A bar holds only priced holdings; what has no current price is
 * counted beside it rather than drawn as 0, and a network with nothing priced says so instead of "$0".
 */
export const HoldingsChart = memo(function HoldingsChart({
  chains,
  currency,
}: {
  chains: readonly ChainTotals[];
  currency: FiatCurrency;
}) {
  // The length only: the figure beside each bar is the exact sum. Plain arithmetic, not a chart library's
  // scale, which would bring d3 into the first screen's chunk for one division.
  const largest = Math.max(0, ...chains.map((chain) => Number(chain.value.sum))) || 1;
  const width = (sum: string) => (Math.max(0, Number(sum)) / largest) * BAR_BOX;
  return (
    <Panel title="Value by network" note={`In ${currency}, priced holdings only`}>
      <div className="card chart">
        <ul className="chart__rows">
          {chains.map(({ chain, positions, value }) => {
            const leftOut = leftOutCount(value);
            return (
              <li key={chain.chainId} className="chart__row">
                <span className="chart__label">
                  <ChainDot chainId={chain.chainId} />
                  {chain.name}
                </span>
                <svg
                  className="chart__bar"
                  viewBox={`0 0 ${BAR_BOX} 10`}
                  preserveAspectRatio="none"
                  aria-hidden="true"
                >
                  <rect className="chart__track" x={0} y={0} width={BAR_BOX} height={10} rx={2} />
                  <rect
                    className="chart__fill"
                    data-chain-tone={chainTone(chain.chainId)}
                    x={0}
                    y={0}
                    width={width(value.sum)}
                    height={10}
                    rx={2}
                  />
                </svg>
                <span className="chart__value">
                  {value.priced.length === 0 && leftOut > 0
                    ? 'no price'
                    : moneyWords(value.sum, currency).text}
                </span>
                <span className="chart__detail">
                  {plural(positions, 'balance', 'balances')}
                  {leftOut > 0 && `, ${leftOut} not valued`}
                </span>
              </li>
            );
          })}
        </ul>
        <p className="chart__caption">
          A balance is one token in one account, native coin included. One with no current price is not valued
          and not drawn. Hidden tokens are not counted.
        </p>
      </div>
    </Panel>
  );
});
