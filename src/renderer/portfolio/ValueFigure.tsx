import { CircleHelp, Clock } from 'lucide-react';
import { moneyWords } from '../format/money';
import { plural } from '../format/plural';
import { provenance } from '../format/priceSource';
import { distinctSources, leftOutCount, type ValueTotal } from './valueTotals';
import { leftOutReasons, type Valuing } from './valuing';
import './ValueFigure.css';

interface ValueFigureProps {
  value: ValueTotal;
  valuing: Valuing;
  /** Token rows say where their prices came from; totals mix many sources and say only what they left out. */
  withSource?: boolean;
}

/** The second line under a figure: small, cut to the column with its full text in the title. */
function Note({ text, title, tone }: { text: string; title: string; tone?: 'warning' }) {
  return (
    <span className="value-figure__note" data-tone={tone} title={title}>
      {text}
    </span>
  );
}

/**
 * A value in the user's currency, or why there is none. A stale or missing price is said in words ("stale",
 * "no price") with its reason and never shown as a number; a sum that left holdings out says "≥" and which.
 */
export function ValueFigure({ value, valuing, withSource = false }: ValueFigureProps) {
  const leftOut = leftOutCount(value);
  const reasons = leftOutReasons(value, valuing).join('\n');
  if (value.priced.length === 0) {
    if (value.unpriced.length === 0) {
      const why =
        leftOut > 0 ? 'Not valued: the balance could not be read.' : 'Nothing to value: the balance is zero.';
      return (
        <span className="value-figure__none" title={why}>
          —
        </span>
      );
    }
    const stale = value.unpriced.some((unpriced) => unpriced.state === 'stale');
    // A row's holdings share one price, so one reason speaks for them; the title lists any other.
    const firstReason = value.unpriced.find((unpriced) => unpriced.reason)?.reason;
    const why =
      withSource && firstReason ? firstReason : plural(leftOut, 'holding not valued', 'holdings not valued');
    // The stale feed's own details (where, heartbeat, last update) let the user check the reason.
    const feeds = provenance(distinctSources(value.unpriced), valuing.chainName, valuing.now).detail;
    const title = feeds ? `${reasons}\n${feeds}` : reasons;
    return (
      <span className="value-figure">
        <span className="value-figure__state" data-state={stale ? 'stale' : 'no-price'} title={title}>
          {stale ? <Clock size={12} aria-hidden="true" /> : <CircleHelp size={12} aria-hidden="true" />}
          {stale ? 'stale' : 'no price'}
        </span>
        <Note text={why} title={title} tone="warning" />
      </span>
    );
  }

  const money = moneyWords(value.sum, valuing.currency);
  const source = provenance(distinctSources(value.priced), valuing.chainName, valuing.now);
  const title =
    leftOut === 0
      ? money.title
      : `At least ${money.title}: ${plural(leftOut, 'holding', 'holdings')} not valued.\n${reasons}`;
  return (
    <span className="value-figure">
      <span className="value-figure__money" title={title}>
        {leftOut > 0 && <span className="value-figure__quiet">≥ </span>}
        {money.text}
      </span>
      {leftOut > 0 ? (
        <Note text={`${leftOut} not valued`} title={reasons} tone="warning" />
      ) : (
        withSource && <Note text={source.line} title={`${source.line}\n${source.detail}`} />
      )}
    </span>
  );
}
