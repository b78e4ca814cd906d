import { provenance } from '../format/priceSource';
import { distinctSources, type ValueTotal } from './valueTotals';
import type { Valuing } from './valuing';

/**
 * Under an opened token row: every price source behind its value (network, feed address, heartbeat, last
 * update), or why it has none, in text a keyboard user reaches by opening the row rather than by a tooltip.
 */
export function PriceDetailRow({
  value,
  valuing,
  columns,
}: {
  value: ValueTotal;
  valuing: Valuing;
  columns: number;
}) {
  const all = [...value.priced, ...value.unpriced];
  if (all.length === 0) return null;
  const reasons = [...new Set(value.unpriced.flatMap((v) => (v.reason ? [v.reason] : [])))];
  const lines = [
    ...reasons,
    ...provenance(distinctSources(all), valuing.chainName, valuing.now).detail.split('\n'),
  ].filter(Boolean);
  return (
    <tr className="token-table__price-row">
      <td colSpan={columns}>
        <ul className="token-table__price-detail" aria-label="Price details">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
