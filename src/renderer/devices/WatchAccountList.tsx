import { Eye, X } from 'lucide-react';
import { useId } from 'react';
import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { AccountIdentity } from './AccountIdentity';
import './AccountList.css';

function WatchAccountRow({ account }: { account: AccountView }) {
  const { client } = useWallet();
  const remove = useAction(() => client.call('accounts.remove', { accountId: account.id }));
  return (
    <li className="account-list__row" aria-label={accountName(account)}>
      <div className="account-list__main">
        <AccountIdentity account={account} />
        <span className="account-list__path">
          <span className="badge">
            <Eye size={12} aria-hidden="true" />
            Watch-only · cannot sign
          </span>
        </span>
        <div className="account-list__actions">
          <button
            type="button"
            className="button button--icon account-list__action"
            aria-label={`Remove ${accountName(account)}`}
            title="Remove from this wallet"
            onClick={() => void remove.run()}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      </div>
      {remove.state.status === 'failed' && (
        <ErrorNote outcome="Not removed" message={remove.state.message} onDismiss={remove.clear} />
      )}
    </li>
  );
}

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
          <WatchAccountRow key={account.id} account={account} />
        ))}
      </ul>
    </section>
  );
}
