import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';
import { CopyButton } from '../controls/CopyButton';
import { shortAddress } from '../../shared/format/shortAddress';

/** An account's name and address, the full address on hover and one click from the clipboard. */
export function AccountIdentity({ account }: { account: Pick<AccountView, 'address' | 'label'> }) {
  return (
    <span className="account-identity">
      {/* Without a label the name is already the short address; it is not said twice. */}
      {account.label && <span className="account-identity__name">{account.label}</span>}
      <span className="account-identity__address" title={account.address}>
        <code>{shortAddress(account.address)}</code>
        <CopyButton text={account.address} label={`address of ${accountName(account)}`} />
      </span>
    </span>
  );
}
