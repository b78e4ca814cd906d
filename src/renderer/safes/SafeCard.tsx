import { RefreshCw, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import type { SafeTxView, SafeView } from '../../shared/safes';
import { Callout } from '../controls/Callout';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { CopyButton } from '../controls/CopyButton';
import { ErrorNote } from '../controls/ErrorNote';
import { Amount } from '../format/Amount';
import { Fact } from '../review/ActionFacts';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { NewSafeTxForm } from './NewSafeTxForm';
import { OwnerList } from './OwnerList';
import { SafeTxList } from './SafeTxList';
import { thresholdWords } from './safeWords';

interface SafeCardProps {
  safe: SafeView;
  /** This Safe's transactions that were not discarded, newest first. */
  transactions: readonly SafeTxView[];
  accounts: readonly AccountView[];
  deviceOf(fingerprint: string | null): string | null;
}

const STATUS_WORDS: Record<SafeView['status'], string | null> = {
  ready: null,
  deploying: 'Being created',
  failed: 'Creation failed',
};

/** One Safe as read on chain: who owns it, how many must sign, what it holds, what to beware of, and its queue. */
export function SafeCard({ safe, transactions, accounts, deviceOf }: SafeCardProps) {
  const { client, chains } = useWallet();
  const titleId = useId();
  const [proposing, setProposing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const refresh = useAction(() => client.call('safes.refresh', { id: safe.id }));
  const chain = chains.find((c) => c.id === safe.chainId);
  const status = STATUS_WORDS[safe.status];

  return (
    <section className="safe card" aria-labelledby={titleId}>
      <header className="safe__header">
        <h2 id={titleId} className="safe__name">
          {safe.name}
        </h2>
        {status && (
          <span className="badge" data-tone={safe.status === 'failed' ? 'danger' : 'warning'}>
            {status}
          </span>
        )}
        <div className="safe__commands">
          <button
            type="button"
            className="button"
            aria-disabled={refresh.state.status === 'working'}
            onClick={() => refresh.state.status !== 'working' && void refresh.run()}
          >
            <RefreshCw size={14} aria-hidden="true" />
            Refresh
          </button>
          <button type="button" className="button button--danger" onClick={() => setRemoving(true)}>
            <Trash2 size={14} aria-hidden="true" />
            Remove
          </button>
        </div>
      </header>
      <dl className="review__facts">
        <Fact label="Address">
          <span className="safe__address">
            <code className="safe-address">{safe.address}</code>
            <CopyButton text={safe.address} label={`address of ${safe.name}`} />
          </span>
        </Fact>
        <Fact label="Network">{chain?.name ?? `Chain ${safe.chainId}`}</Fact>
        <Fact label="Signatures">{thresholdWords(safe.threshold, safe.owners.length)}</Fact>
        <Fact label="Nonce">Next nonce {safe.nonce}</Fact>
        <Fact label="Balance">
          {safe.balance === null || !chain ? (
            'Not read yet'
          ) : (
            <Amount
              value={BigInt(safe.balance)}
              decimals={chain.nativeCurrency.decimals}
              symbol={chain.nativeCurrency.symbol}
            />
          )}
        </Fact>
      </dl>
      <OwnerList owners={safe.owners} deviceOf={deviceOf} />
      {safe.warnings.map((warning) => (
        <Callout key={warning} tone="danger">
          {warning}
        </Callout>
      ))}
      {safe.error && (
        <Callout tone="warning" title="Could not read the Safe">
          {safe.error}
        </Callout>
      )}
      {refresh.state.status === 'failed' && (
        <ErrorNote outcome="Not refreshed" message={refresh.state.message} detail={refresh.state.detail} />
      )}
      {proposing ? (
        <NewSafeTxForm safe={safe} onDone={() => setProposing(false)} />
      ) : (
        safe.status === 'ready' && (
          <button
            type="button"
            className="button button--primary safe__new"
            onClick={() => setProposing(true)}
          >
            New transaction
          </button>
        )
      )}
      <SafeTxList safe={safe} transactions={transactions} accounts={accounts} deviceOf={deviceOf} />
      {removing && (
        <ConfirmDialog
          title={`Stop following ${safe.name}?`}
          description={
            <p>
              The Safe stays on chain, with its owners and funds; this wallet and your synced desktops stop
              showing it and forget its unexecuted transactions.
            </p>
          }
          confirmLabel="Remove Safe"
          tone="danger-solid"
          failedOutcome="Not removed"
          confirm={() => client.call('safes.remove', { id: safe.id })}
          onClose={() => setRemoving(false)}
        />
      )}
    </section>
  );
}
