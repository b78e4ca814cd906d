import { ShieldCheck, X } from 'lucide-react';
import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { SignMessageButton } from '../signing/SignMessageButton';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { AccountIdentity } from './AccountIdentity';
import { schemeName } from './schemes';
import { VerifyOutcome } from './VerifyOutcome';

/** One hardware account: where its key sits on the device, and what the user can do with it. */
export function DeviceAccountRow({ account }: { account: AccountView }) {
  const { client } = useWallet();
  const verify = useAction(() => client.call('devices.verifyAddress', { accountId: account.id }));
  const remove = useAction(() => client.call('accounts.remove', { accountId: account.id }));
  const verifying = verify.state.status === 'working';

  return (
    <li className="account-list__row" aria-label={accountName(account)}>
      <div className="account-list__main">
        <AccountIdentity account={account} />
        <span className="account-list__path">
          <span className="badge">{schemeName(account.derivationScheme)}</span>
          <code title={account.derivationPath ?? undefined}>{account.derivationPath}</code>
        </span>
        <div className="account-list__actions">
          <button
            type="button"
            className="button account-list__action"
            aria-disabled={verifying}
            onClick={() => !verifying && void verify.run()}
          >
            <ShieldCheck size={14} aria-hidden="true" />
            Verify on device
          </button>
          <SignMessageButton account={account} />
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
      <VerifyOutcome state={verify.state} expected={account.address} />
      {remove.state.status === 'failed' && (
        <ErrorNote outcome="Not removed" message={remove.state.message} onDismiss={remove.clear} />
      )}
    </li>
  );
}
