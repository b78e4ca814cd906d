import { ChainDot } from '../chains/ChainBadge';
import { chainTone } from '../chains/chainTone';
import type { ChainTotals } from './portfolioModel';
import { Panel } from './Panel';
import './HoldingsChart.css';

/** Bars are drawn in a 100-unit box that CSS stretches to the column, so the width is a plain percentage. */
const BAR_BOX = 100;

/**
 * Holdings by network, counted rather than valued: with no price source, a value share would be made up, so
 * the bars show how many non-zero balances each network holds.
 */
export function HoldingsChart({ chains }: { chains: readonly ChainTotals[] }) {
  const most = Math.max(1, ...chains.map((chain) => chain.positions));
  return (
    <Panel title="Holdings by network" note="Non-zero balances per network, not value">
      <div className="card chart">
        <ul className="chart__rows">
          {chains.map(({ chain, positions }) => (
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
                <rect className="chart__track" x="0" y="0" width={BAR_BOX} height="10" rx="2" />
                <rect
                  className="chart__fill"
                  data-chain-tone={chainTone(chain.chainId)}
                  x="0"
                  y="0"
                  width={(positions / most) * BAR_BOX}
                  height="10"
                  rx="2"
                />
              </svg>
              <span className="chart__value">
                {positions} {positions === 1 ? 'balance' : 'balances'}
              </span>
            </li>
          ))}
        </ul>
        <p className="chart__caption">
          One balance is one token in one account, native coin included. Hidden tokens are not counted.
        </p>
      </div>
    </Panel>
  );
}
