import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';
import { CopyButton } from '../controls/CopyButton';
import { shortAddress } from '../format/shortAddress';

/** An account's name and address, the full address on hover and one click from the clipboard. */
export function AccountIdentity({ account }: { account: Pick<AccountView, 'address' | 'label'> }) {
  return (
    <span className="account-identity">
      <span className="account-identity__name">{accountName(account)}</span>
      <span className="account-identity__address" title={account.address}>
        <code>{shortAddress(account.address)}</code>
        <CopyButton text={account.address} label={`address of ${accountName(account)}`} />
      </span>
    </span>
  );
}
