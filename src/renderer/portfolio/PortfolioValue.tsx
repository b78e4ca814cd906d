import { memo } from 'react';
import { moneyWords } from '../format/money';
import { plural } from '../format/plural';
import { Panel } from './Panel';
import { leftOutCount, type ValueTotal } from './valueTotals';
import { leftOutReasons, type Valuing } from './valuing';
import './PortfolioValue.css';

/**
 * The whole portfolio's worth in the user's currency. When holdings were left out for a stale or missing
 * price, it says "at least" and opens to which ones and why, rather than showing a total that looks whole.
 */
export const PortfolioValue = memo(function PortfolioValue({
  value,
  valuing,
}: {
  value: ValueTotal;
  valuing: Valuing;
}) {
  const money = moneyWords(value.sum, valuing.currency);
  const leftOut = leftOutCount(value);
  return (
    <Panel title="Total value" note="All accounts on enabled networks; hidden tokens count in no total">
      <div className="card portfolio-value">
        {value.priced.length === 0 && leftOut > 0 ? (
          <p className="portfolio-value__figure">Not valued</p>
        ) : (
          <p className="portfolio-value__figure" title={money.title}>
            {leftOut > 0 && <span className="portfolio-value__quiet">at least </span>}
            {money.text}
          </p>
        )}
        <p className="portfolio-value__how">
          Prices come from on-chain feeds read through your own RPC with the balances, or from the price
          service if you turned it on in Settings. A price older than its feed’s heartbeat shows as “stale”,
          never as a number, and no token is assumed to be worth 1.
        </p>
        {leftOut > 0 && (
          <details className="portfolio-value__left-out">
            <summary>{plural(leftOut, 'holding not valued', 'holdings not valued')}</summary>
            <ul>
              {leftOutReasons(value, valuing).map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </Panel>
  );
});
