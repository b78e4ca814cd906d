import { ShieldCheck } from 'lucide-react';
import type { AccountView } from '../../shared/accounts';
import { SignMessageButton } from '../signing/SignMessageButton';
import { SignTypedDataButton } from '../signing/SignTypedDataButton';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { AccountRow } from './AccountRow';
import { schemeName } from './schemes';
import { VerifyOutcome } from './VerifyOutcome';

/** One hardware account: where its key sits on the device, and what the user can do with it. */
export function DeviceAccountRow({ account }: { account: AccountView }) {
  const { client } = useWallet();
  const verify = useAction(() => client.call('devices.verifyAddress', { accountId: account.id }));
  const verifying = verify.state.status === 'working';

  return (
    <AccountRow
      account={account}
      origin={
        <>
          <span className="badge">{schemeName(account.derivationScheme)}</span>
          <code title={account.derivationPath ?? undefined}>{account.derivationPath}</code>
        </>
      }
      actions={
        <>
          <button
            type="button"
            className="button account-list__action"
            aria-disabled={verifying}
            onClick={() => !verifying && void verify.run()}
          >
            <ShieldCheck size={14} aria-hidden="true" />
            Verify on device
          </button>
          <SignMessageButton account={account} className="account-list__action" />
          {/* Icon only: the row has no room for a third worded button beside the derivation path. */}
          <SignTypedDataButton account={account} className="account-list__action" compact inNamedRow />
        </>
      }
    >
      <VerifyOutcome state={verify.state} expected={account.address} />
    </AccountRow>
  );
}
