import { CircleCheck, LoaderCircle, ShieldCheck } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { AllowanceView } from '../../shared/tx';
import { NoAccountsPage } from '../accounts/NoAccountsPage';
import { AccountSelect } from '../accounts/AccountSelect';
import { accountName, useAccounts } from '../accounts/useAccounts';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { NetworkSelect } from '../controls/NetworkSelect';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { errorMessage } from '../session/errorMessage';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { originOf, RecentTransactions } from '../send/RecentTransactions';
import { AllowanceTable, allowanceKey } from './AllowanceTable';
import { RevokeDialog } from './RevokeDialog';
import './ApprovalsPage.css';

const LEDE = 'Every token allowance an account has granted on a network, with a way to revoke it.';

interface Allowances {
  list: AllowanceView[] | null;
  error: string | null;
}

/**
 * The allowances of one account on one network, asked again whenever one of this account's revokes there is
 * included, since that is when the chain stops allowing it.
 */
function useAllowances(accountId: number | null, chainId: number, owner: string | null): Allowances {
  const { client } = useWallet();
  // Kept with the scope it answers, so another account's or network's list is never shown as this one's.
  const [state, setState] = useState<Allowances & { scope: string }>({ scope: '', list: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const scope = `${accountId}:${chainId}`;

  useEffect(() => {
    if (accountId === null) return;
    let current = true;
    const answered = `${accountId}:${chainId}`;
    client.call('approvals.list', { accountId, chainId }).then(
      (list) => current && setState({ scope: answered, list, error: null }),
      (error: unknown) => current && setState({ scope: answered, list: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, accountId, chainId, attempt]);

  useEffect(() => {
    if (owner === null) return;
    // Revokes seen included already; the first push may repeat old ones, which costs one extra read at most.
    const included = new Set<number>();
    return client.on('tx.changed', (list) => {
      const fresh = list.filter(
        (tx) =>
          tx.purpose === 'revoke' &&
          tx.status === 'included' &&
          tx.chainId === chainId &&
          tx.from.toLowerCase() === owner.toLowerCase() &&
          !included.has(tx.id),
      );
      fresh.forEach((tx) => included.add(tx.id));
      if (fresh.length > 0) setAttempt((n) => n + 1);
    });
  }, [client, chainId, owner]);

  return state.scope === scope ? { list: state.list, error: state.error } : { list: null, error: null };
}

/** Lists what each contract may spend from the account, and revokes it with a transaction per allowance. */
export function ApprovalsPage() {
  const { client, chains, settings } = useWallet();
  const accounts = useAccounts();
  const [accountId, setAccountId] = useState<number | null>(null);
  const [chainId, setChainId] = useState<number | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<AllowanceView[] | null>(null);
  const ids = { account: useId(), network: useId() };
  const list = accounts.list ?? [];
  const account = list.find((a) => a.id === accountId) ?? list[0];
  const chain = chainId ?? settings.activeChainId;
  const allowances = useAllowances(account?.id ?? null, chain, account?.address ?? null);
  const revoke = useAction((items: AllowanceView[]) =>
    client.call('approvals.revoke', {
      accountId: account?.id ?? 0,
      chainId: chain,
      allowances: items.map(({ token, spender }) => ({ token, spender })),
    }),
  );
  const bulkRef = useRef<HTMLButtonElement>(null);

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

  const rows = allowances.list ?? [];
  const chosen = rows.filter((a) => selected.has(allowanceKey(a)));
  const watchOnly = account?.signer === 'watch';
  const chainName = chains.find((c) => c.id === chain)?.name ?? `chain ${chain}`;

  function scope(apply: () => void) {
    apply();
    setSelected(new Set());
    revoke.clear();
  }

  async function confirmRevoke(items: AllowanceView[]) {
    if (await revoke.run(items)) {
      setSelected(new Set());
      setConfirming(null);
    }
  }

  return (
    <Page title="Approvals" lede={LEDE} wide>
      <div className="approvals__scope card">
        <div className="approvals__field">
          <label className="approvals__label" htmlFor={ids.account}>
            Account
          </label>
          <AccountSelect
            id={ids.account}
            accounts={list}
            value={account?.id ?? null}
            onChange={(id) => scope(() => setAccountId(id))}
          />
        </div>
        <div className="approvals__field">
          <label className="approvals__label" htmlFor={ids.network}>
            Network
          </label>
          <NetworkSelect id={ids.network} value={chain} onChange={(id) => scope(() => setChainId(id))} />
        </div>
        <div className="approvals__bulk">
          <button
            ref={bulkRef}
            type="button"
            className="button button--danger"
            disabled={chosen.length === 0 || watchOnly}
            onClick={() => setConfirming(chosen)}
          >
            {chosen.length === 0 ? 'Revoke selected' : `Revoke ${chosen.length} selected`}
          </button>
        </div>
      </div>

      {watchOnly && account && (
        <Callout tone="info">
          {accountName(account)} is watch-only: you can see its allowances, but revoking needs an account that
          signs.
        </Callout>
      )}
      {allowances.error && <ErrorNote outcome="Could not read the allowances" message={allowances.error} />}
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

      {allowances.list === null && !allowances.error && (
        <p className="approvals__loading" role="status">
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          Reading allowances on {chainName}…
        </p>
      )}
      {allowances.list?.length === 0 && (
        <EmptyState
          icon={ShieldCheck}
          headline="No open allowances"
          guidance={`No contract may spend this account’s tokens on ${chainName}.`}
          actions={null}
        />
      )}
      {rows.length > 0 && (
        <AllowanceTable
          allowances={rows}
          chainId={chain}
          selected={selected}
          canRevoke={!watchOnly}
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
        empty="No revokes sent from this account on this network yet."
        filter={(tx, all) =>
          tx.chainId === chain &&
          tx.from.toLowerCase() === account?.address.toLowerCase() &&
          originOf(tx, all).purpose === 'revoke'
        }
      />
    </Page>
  );
}
