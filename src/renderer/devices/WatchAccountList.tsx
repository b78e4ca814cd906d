import { Eye } from 'lucide-react';
import { useId } from 'react';
import type { AccountView } from '../../shared/accounts';
import { AccountRow } from './AccountRow';

/** Addresses the wallet only reads: listed with the devices so every account has one home. */
export function WatchAccountList({ accounts }: { accounts: AccountView[] }) {
  const titleId = useId();
  if (accounts.length === 0) return null;
  return (
    <section className="devices-section" aria-labelledby={titleId}>
      <div className="devices-section__header">
        <h2 id={titleId} className="devices-section__title">
          Watch-only addresses
        </h2>
        <p className="devices-section__note">No key in this wallet: balances only</p>
      </div>
      <ul className="account-list card">
        {accounts.map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            origin={
              <span className="badge">
                <Eye size={12} aria-hidden="true" />
                Watch-only · cannot sign
              </span>
            }
          />
        ))}
      </ul>
    </section>
  );
}
