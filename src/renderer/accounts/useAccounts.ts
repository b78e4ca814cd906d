import { shortAddress } from '../../shared/format/shortAddress';
import type { AccountView } from '../../shared/accounts';
import { type LiveList, useLiveList } from '../session/useLiveList';

export type Accounts = LiveList<AccountView>;

/** The accounts main knows, kept current from its `accounts.changed` pushes (an add anywhere shows everywhere). */
export function useAccounts(): Accounts {
  return useLiveList('accounts.list');
}

/** What holds an account's key, as its badge says it; a watch-only account has none. */
export const SIGNER_LABELS: Record<AccountView['signer'], string> = {
  ledger: 'Ledger',
  trezor: 'Trezor',
  phone: 'Phone',
  watch: 'Watch-only',
};

/** How an account is named in lists: its label, or its short address when it has none. */
export function accountName(account: { address: string; label: string }): string {
  return account.label || shortAddress(account.address);
}
