import { amountWords } from '../../shared/format/amountWords';
import { Amount } from '../format/Amount';
import type { Total } from './portfolioModel';
import './TotalAmount.css';

interface TotalAmountProps {
  total: Total;
  decimals: number;
  symbol: string;
}

/**
 * A balance or a sum of balances: a failed read says "unavailable" rather than 0, and a sum missing some reads
 * says it is a lower bound. The figure itself is the shared Amount, whose every digit is one press away.
 */
export function TotalAmount({ total, decimals, symbol }: TotalAmountProps) {
  if (total.read === 0 && total.unread > 0) {
    return (
      <span className="total-amount--unavailable" title="The balance could not be read from the network.">
        unavailable
      </span>
    );
  }
  if (total.unread === 0) return <Amount value={total.sum} decimals={decimals} symbol={symbol} />;
  const exact = amountWords(total.sum, decimals, symbol).title;
  return (
    <Amount
      value={total.sum}
      decimals={decimals}
      symbol={symbol}
      atLeast
      title={`At least ${exact}: ${total.unread} of ${total.read + total.unread} balances could not be read.`}
    />
  );
}
