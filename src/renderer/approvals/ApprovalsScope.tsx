import { type ReactNode, useId } from 'react';
import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';
import { NetworkSelect } from '../controls/NetworkSelect';
import { Select } from '../controls/Select';

/** What the table is narrowed to; null is "all". */
export interface Scope {
  accountId: number | null;
  chainId: number | null;
}

const ALL = 'all';

interface ApprovalsScopeProps {
  accounts: readonly AccountView[];
  scope: Scope;
  onChange(scope: Scope): void;
  /** The bulk action, beside the filters. */
  children: ReactNode;
}

/**
 * Filters that narrow the one table, starting from all accounts and all enabled networks: an allowance must
 * never be hidden because the page opened on another account.
 */
export function ApprovalsScope({ accounts, scope, onChange, children }: ApprovalsScopeProps) {
  const ids = { account: useId(), network: useId() };
  const pick = (value: string) => (value === ALL ? null : Number(value));
  return (
    <div className="approvals__scope card" role="group" aria-label="Show allowances of">
      <div className="approvals__field">
        <label className="approvals__label" htmlFor={ids.account}>
          Account
        </label>
        <Select
          id={ids.account}
          value={scope.accountId ?? ALL}
          onChange={(event) => onChange({ ...scope, accountId: pick(event.target.value) })}
        >
          <option value={ALL}>All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {accountName(account)}
              {account.signer === 'watch' ? ' — watch-only' : ''}
            </option>
          ))}
        </Select>
      </div>
      <div className="approvals__field">
        <label className="approvals__label" htmlFor={ids.network}>
          Network
        </label>
        <NetworkSelect
          id={ids.network}
          allLabel="All enabled networks"
          value={scope.chainId}
          onChange={(chainId) => onChange({ ...scope, chainId })}
        />
      </div>
      <div className="approvals__bulk">{children}</div>
    </div>
  );
}
