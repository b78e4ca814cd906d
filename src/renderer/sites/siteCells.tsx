import type { SiteAccount } from '../../shared/dapps';
import { accountName } from '../accounts/useAccounts';

/** Two names, then a count: a site with many accounts must not push the other columns off the screen. */
export function accountNames(accounts: readonly SiteAccount[]): string {
  const names = accounts.map(accountName);
  return names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} +${names.length - 2}`;
}

/** The requests a site or dApp left waiting for the user, or a quiet "none". */
export function WaitingCount({ pending }: { pending: number }) {
  return pending > 0 ? (
    <span className="badge" data-tone="warning">
      {pending}
      <span className="visually-hidden">{pending === 1 ? ' request waiting' : ' requests waiting'}</span>
    </span>
  ) : (
    <span className="sites__none">none</span>
  );
}
