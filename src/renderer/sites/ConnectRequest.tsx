import type { AccountView } from '../../shared/accounts';
import { shortAddress } from '../../shared/format/shortAddress';
import { accountName, SIGNER_LABELS } from '../accounts/useAccounts';
import { ChainBadge } from '../chains/ChainBadge';
import { useChainNames } from '../history/useChainNames';

/** Accounts that can sign first, in the wallet's order; watch-only ones after, since they can only be seen. */
export function connectable(accounts: readonly AccountView[]): AccountView[] {
  const signable = accounts.filter((a) => a.signer !== 'watch');
  return [...signable, ...accounts.filter((a) => a.signer === 'watch')];
}

interface AccountChoiceProps {
  /** Null until main has answered. */
  accounts: AccountView[] | null;
  chosen: number[];
  onChange(accountIds: number[]): void;
  legend: string;
}

/** The accounts a site or dApp may see, each a checkbox, those that can sign first. */
export function AccountChoice({ accounts, chosen, onChange, legend }: AccountChoiceProps) {
  const toggle = (id: number, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((accountId) => accountId !== id));
  return (
    <fieldset className="site-request__accounts">
      <legend>{legend}</legend>
      {accounts?.length === 0 && <p className="site-request__quiet">This wallet has no accounts yet.</p>}
      {accounts &&
        connectable(accounts).map((account) => (
          <label key={account.id} className="site-request__account">
            <input
              type="checkbox"
              checked={chosen.includes(account.id)}
              onChange={(event) => toggle(account.id, event.target.checked)}
            />
            <span className="site-request__account-name">{accountName(account)}</span>
            <code className="site-request__address" title={account.address}>
              {shortAddress(account.address)}
            </code>
            <span className="badge">{SIGNER_LABELS[account.signer]}</span>
          </label>
        ))}
    </fieldset>
  );
}

/** What seeing an account gives away, and what it does not: said under every choice of accounts. */
export function seeingAccounts(who: string): string {
  return `${who} sees these addresses and their activity on chain. It cannot move anything: every signature it asks for comes back here for you to review first.`;
}

interface ConnectRequestProps {
  chainId: number;
  /** Null until main has answered. */
  accounts: AccountView[] | null;
  chosen: number[];
  onChange(accountIds: number[]): void;
}

/** Which accounts the site may see: it learns their addresses, and may then ask for signatures from them. */
export function ConnectRequest({ chainId, accounts, chosen, onChange }: ConnectRequestProps) {
  const chains = useChainNames();
  return (
    <div className="site-request__body">
      <AccountChoice
        accounts={accounts}
        chosen={chosen}
        onChange={onChange}
        legend="Accounts the site may see"
      />
      <dl className="review__facts">
        <div className="review-fact">
          <dt>Network</dt>
          <dd>
            <ChainBadge chain={{ id: chainId, name: chains.name(chainId) }} />
          </dd>
        </div>
      </dl>
      <p className="site-request__quiet">{seeingAccounts('The site')}</p>
    </div>
  );
}
