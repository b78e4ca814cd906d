import { useEffect, useState } from 'react';
import { shortAddress } from '../format/shortAddress';
import type { AccountView } from '../../shared/accounts';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface Accounts {
  /** Null until main has answered. */
  list: AccountView[] | null;
  error: string | null;
}

/** The accounts main knows, kept current from its `accounts.changed` pushes (an add anywhere shows everywhere). */
export function useAccounts(): Accounts {
  const { client } = useWallet();
  const [accounts, setAccounts] = useState<Accounts>({ list: null, error: null });

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a change made while the list is on its way is not lost.
    const unsubscribe = client.on('accounts.changed', (list) => {
      if (current) setAccounts({ list, error: null });
    });
    client.call('accounts.list').then(
      (list) => {
        if (current) setAccounts({ list, error: null });
      },
      (error: unknown) => {
        if (current) setAccounts({ list: null, error: errorMessage(error) });
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client]);

  return accounts;
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
