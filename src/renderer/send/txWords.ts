import type { OutgoingView } from '../../shared/tx';
import { formatAmount, formatCount } from '../../shared/format/amount';

/** The status as one short phrase: "Included in block 19,876,544 · 3 confirmations", "Failed: out of gas". */
export function statusText(
  tx: Pick<OutgoingView, 'status' | 'blockNumber' | 'confirmations' | 'reason'>,
): string {
  switch (tx.status) {
    case 'signed':
      return 'Signed';
    case 'pending':
      return 'Pending';
    case 'included':
      if (tx.blockNumber === null) return 'Included';
      return `Included in block ${formatCount(tx.blockNumber)}${confirmationsText(tx.confirmations)}`;
    case 'failed':
      return tx.reason ? `Failed: ${tx.reason}` : 'Failed';
    case 'dropped':
      return tx.reason ? `Dropped: ${tx.reason}` : 'Dropped';
    case 'replaced':
      return 'Replaced';
  }
}

export const STATUS_TONE: Record<OutgoingView['status'], 'success' | 'warning' | 'danger' | undefined> = {
  signed: undefined,
  pending: 'warning',
  included: 'success',
  failed: 'danger',
  dropped: 'danger',
  replaced: undefined,
};

export const PURPOSE_TEXT: Record<OutgoingView['purpose'], string> = {
  send: 'Send',
  'speed-up': 'Speed-up',
  cancel: 'Cancellation',
  revoke: 'Revoke',
};

/** A base-unit amount with its symbol, exact to the last digit: a review must never round. */
export function exactAmount(baseUnits: string, decimals: number, symbol: string): string {
  return `${formatAmount(BigInt(baseUnits), decimals).exact} ${symbol}`;
}

/** A fee range for a person: "0.00042 – 0.00084 ETH", shortened like balances (exact in the review). */
export function feeRange(likely: string, max: string, decimals: number, symbol: string): string {
  const short = (value: string) => formatAmount(BigInt(value), decimals).text;
  return `${short(likely)} – ${short(max)} ${symbol}`;
}

function confirmationsText(confirmations: number | null): string {
  if (confirmations === null) return '';
  return confirmations === 1 ? ' · 1 confirmation' : ` · ${formatCount(confirmations)} confirmations`;
}
