import { CircleCheck, LoaderCircle, ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { OLD_APPROVAL_DAYS, type RiskedAllowance } from '../../shared/approvals';
import { NoAccountsPage } from '../accounts/NoAccountsPage';
import { accountName, useAccounts } from '../accounts/useAccounts';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { useChainNames } from '../history/useChainNames';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { originOf, RecentTransactions } from '../send/RecentTransactions';
import { AllowanceTable, allowanceKey } from './AllowanceTable';
import { ApprovalsScope, type Scope } from './ApprovalsScope';
import { RevokeDialog } from './RevokeDialog';
import { revokeGroups } from './revokeGroups';
import { useApprovalsOverview } from './useApprovalsOverview';
import './ApprovalsPage.css';

const LEDE =
  'Every token allowance your accounts have granted, on every enabled network, the riskiest first: unlimited, ' +
  `then to a spender with no contract code, then granted over ${OLD_APPROVAL_DAYS} days ago.`;

/** Lists what each contract may spend from the accounts, riskiest first, and revokes with a transaction each. */
export function ApprovalsPage() {
  const { client } = useWallet();
  const accounts = useAccounts();
  const chains = useChainNames();
  const { overview, error } = useApprovalsOverview();
  const [scope, setScope] = useState<Scope>({ accountId: null, chainId: null });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<RiskedAllowance[] | null>(null);
  // Revokes of different accounts or networks go out group after group, each signed by its owner.
  const revoke = useAction(async (items: RiskedAllowance[]) => {
    const sent = [];
    for (const group of revokeGroups(items)) sent.push(...(await client.call('approvals.revoke', group)));
    return sent;
  });

  if (accounts.list?.length === 0) {
    return (
      <NoAccountsPage
        title="Approvals"
        lede={LEDE}
        icon={ShieldCheck}
        guidance="Add an account and this screen lists every contract allowed to spend its tokens."
      />
    );
  }

  const list = accounts.list ?? [];
  const byId = new Map(list.map((account) => [account.id, account]));
  const ownerName = (id: number) => {
    const account = byId.get(id);
    return account ? accountName(account) : `Account ${id}`;
  };
  const canRevoke = (a: RiskedAllowance) => byId.get(a.accountId)?.signer !== 'watch';
  const rows = (overview?.allowances ?? []).filter(
    (a) =>
      (scope.accountId === null || a.accountId === scope.accountId) &&
      (scope.chainId === null || a.chainId === scope.chainId),
  );
  const chosen = rows.filter((a) => selected.has(allowanceKey(a)) && canRevoke(a));
  const watchOnlyShown = rows.some((a) => !canRevoke(a));
  const unread = (overview?.unread ?? []).filter(
    (u) => scope.chainId === null || u.chainId === scope.chainId,
  );

  function narrow(next: Scope) {
    setScope(next);
    setSelected(new Set());
    revoke.clear();
  }

  async function confirmRevoke(items: RiskedAllowance[]) {
    if (await revoke.run(items)) {
      setSelected(new Set());
      setConfirming(null);
    }
  }

  return (
    <Page title="Approvals" lede={LEDE} wide>
      <ApprovalsScope accounts={list} scope={scope} onChange={narrow}>
        <button
          type="button"
          className="button button--danger"
          disabled={chosen.length === 0}
          onClick={() => setConfirming(chosen)}
        >
          {chosen.length === 0 ? 'Revoke selected' : `Revoke ${chosen.length} selected`}
        </button>
      </ApprovalsScope>

      {watchOnlyShown && (
        <Callout tone="info">
          Allowances of watch-only accounts are listed so you can see them; revoking needs the account on a
          device that signs.
        </Callout>
      )}
      {error && <ErrorNote outcome="Could not read the allowances" message={error} />}
      {unread.map((u) => (
        <ErrorNote key={u.chainId} outcome={`Could not read ${chains.name(u.chainId)}`} message={u.message} />
      ))}
      {revoke.state.status === 'done' && (
        <p className="approvals__sent" role="status">
          <CircleCheck size={14} aria-hidden="true" />
          {revoke.state.result.length === 1
            ? 'Revoke sent. The list updates once it is included.'
            : `${revoke.state.result.length} revokes sent. The list updates as each is included.`}
        </p>
      )}
      {revoke.state.status === 'failed' && !confirming && (
        <ErrorNote
          outcome="Not revoked"
          message={revoke.state.message}
          detail={revoke.state.detail}
          onDismiss={revoke.clear}
        />
      )}

      {overview === null && !error && (
        <p className="approvals__loading" role="status">
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          Reading allowances on every enabled network…
        </p>
      )}
      {overview && rows.length === 0 && (
        <EmptyState
          icon={ShieldCheck}
          headline="No open allowances"
          guidance={
            scope.accountId === null && scope.chainId === null
              ? 'No contract may spend your accounts’ tokens on the networks read.'
              : 'No contract may spend these tokens here. Choose all accounts and networks to see the rest.'
          }
          actions={null}
        />
      )}
      {rows.length > 0 && (
        <AllowanceTable
          allowances={rows}
          ownerName={ownerName}
          canRevoke={canRevoke}
          selected={selected}
          onSelect={setSelected}
          onRevoke={(allowance) => setConfirming([allowance])}
        />
      )}

      {confirming && (
        <RevokeDialog
          allowances={confirming}
          busy={revoke.state.status === 'working'}
          error={revoke.state.status === 'failed' ? revoke.state.message : null}
          onConfirm={() => void confirmRevoke(confirming)}
          onClose={() => {
            setConfirming(null);
            revoke.clear();
          }}
        />
      )}

      <RecentTransactions
        empty="No revokes sent yet."
        filter={(tx, all) =>
          originOf(tx, all).purpose === 'revoke' &&
          (scope.chainId === null || tx.chainId === scope.chainId) &&
          (scope.accountId === null ||
            tx.from.toLowerCase() === byId.get(scope.accountId)?.address.toLowerCase())
        }
      />
    </Page>
  );
}
