import type { AccountView } from '../../shared/accounts';
import { Select } from '../controls/Select';
import { accountName } from './useAccounts';

interface AccountSelectProps {
  id: string;
  accounts: readonly AccountView[];
  value: number | null;
  onChange(accountId: number): void;
}

/** Picks one of the wallet's accounts; a watch-only one says, in its own line, that it cannot sign. */
export function AccountSelect({ id, accounts, value, onChange }: AccountSelectProps) {
  return (
    <Select id={id} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
      {accounts.map((account) => (
        <option key={account.id} value={account.id}>
          {accountName(account)}
          {account.signer === 'watch' ? ' — watch-only, cannot sign' : ''}
        </option>
      ))}
    </Select>
  );
}
