import type { AccountView } from '../../shared/accounts';
import type { SafeTxView, SafeView } from '../../shared/safes';
import { SafeTxItem } from './SafeTxItem';

interface SafeTxListProps {
  safe: SafeView;
  transactions: readonly SafeTxView[];
  accounts: readonly AccountView[];
  deviceOf(fingerprint: string | null): string | null;
}

/** The Safe's transactions, newest first, as kept here and shared with the user's other desktops. */
export function SafeTxList({ safe, transactions, accounts, deviceOf }: SafeTxListProps) {
  if (transactions.length === 0) {
    return <p className="safe__empty">No Safe transactions yet.</p>;
  }
  return (
    <ul className="safe-txs" aria-label="Safe transactions">
      {transactions.map((tx) => (
        <SafeTxItem key={tx.id} tx={tx} safe={safe} accounts={accounts} deviceOf={deviceOf} />
      ))}
    </ul>
  );
}
