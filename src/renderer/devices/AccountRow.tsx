import { Pencil, X } from 'lucide-react';
import { type ReactNode, useRef, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { AccountIdentity } from './AccountIdentity';
import { AccountRenameForm } from './AccountRenameForm';
import './AccountList.css';

interface AccountRowProps {
  account: AccountView;
  /** Where the account comes from: its scheme and path, or that it is watch-only. */
  origin: ReactNode;
  /** Actions before "Rename" and "Remove", which every account has. */
  actions?: ReactNode;
  /** Shown under the row, e.g. the outcome of a verification. */
  children?: ReactNode;
}

/** One account in a list of accounts, with the rename and remove actions every kind of account shares. */
export function AccountRow({ account, origin, actions, children }: AccountRowProps) {
  const { client } = useWallet();
  const remove = useAction(() => client.call('accounts.remove', { accountId: account.id }));
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);

  function stopRenaming() {
    setRenaming(false);
    // Back to the button that opened the form, so keyboard users do not lose their place.
    requestAnimationFrame(() => renameButton.current?.focus());
  }

  return (
    <li className="account-list__row" aria-label={accountName(account)}>
      <div className="account-list__main">
        <AccountIdentity account={account} />
        <span className="account-list__path">{origin}</span>
        <div className="account-list__actions">
          {actions}
          <button
            ref={renameButton}
            type="button"
            className="button button--icon account-list__action"
            aria-label={`Rename ${accountName(account)}`}
            aria-expanded={renaming}
            title="Rename"
            onClick={() => setRenaming((open) => !open)}
          >
            <Pencil size={14} aria-hidden="true" />
          </button>
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
      {renaming && <AccountRenameForm account={account} onDone={stopRenaming} />}
      {children}
      {remove.state.status === 'failed' && (
        <ErrorNote outcome="Not removed" message={remove.state.message} onDismiss={remove.clear} />
      )}
    </li>
  );
}
