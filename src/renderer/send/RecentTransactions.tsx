import { ExternalLink, Gauge, LoaderCircle, XCircle } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { OutgoingView } from '../../shared/tx';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { shortAddress } from '../format/shortAddress';
import { explorerUrl } from '../history/explorer';
import { dateTime, timeOfDay } from '../history/timeFormat';
import { useChainNames } from '../history/useChainNames';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { exactAmount, PURPOSE_TEXT, STATUS_TONE, statusText } from './txWords';
import { useOutgoing } from './useOutgoing';
import './RecentTransactions.css';

interface RecentTransactionsProps {
  /** Only these, e.g. the revokes of one account on one network; every transaction when left out. */
  filter?: (tx: OutgoingView, all: readonly OutgoingView[]) => boolean;
  /** What to say when nothing matches. */
  empty: string;
  /** Shows at most this many, newest first. */
  limit?: number;
}

/** The transaction a speed-up or cancellation (or a chain of them) ultimately replaces. */
export function originOf(tx: OutgoingView, all: readonly OutgoingView[]): OutgoingView {
  let current = tx;
  const seen = new Set<number>();
  while (current.replaces !== null && !seen.has(current.id)) {
    seen.add(current.id);
    const replaced = all.find((t) => t.id === current.replaces);
    if (!replaced) break;
    current = replaced;
  }
  return current;
}

/** What this wallet sent and where each transaction stands, kept current by main's `tx.changed` pushes. */
export function RecentTransactions({ filter, empty, limit = 20 }: RecentTransactionsProps) {
  const outgoing = useOutgoing();
  const headingId = useId();
  const [cancelling, setCancelling] = useState<OutgoingView | null>(null);
  const list = outgoing.list?.filter((tx, _, all) => !filter || filter(tx, all)).slice(0, limit) ?? null;

  return (
    <section className="recent-txs card" aria-labelledby={headingId}>
      <h2 id={headingId} className="recent-txs__title">
        Recent transactions
      </h2>
      {outgoing.error && <ErrorNote outcome="Could not load your transactions" message={outgoing.error} />}
      {list === null && !outgoing.error && (
        <p className="recent-txs__note" role="status">
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          Loading transactions…
        </p>
      )}
      {list?.length === 0 && <p className="recent-txs__note">{empty}</p>}
      {list && list.length > 0 && (
        <ul className="recent-txs__list" aria-label="Recent transactions">
          {list.map((tx) => (
            <TransactionRow key={tx.id} tx={tx} onCancel={() => setCancelling(tx)} />
          ))}
        </ul>
      )}
      {cancelling && <CancelDialog tx={cancelling} onClose={() => setCancelling(null)} />}
    </section>
  );
}

function TransactionRow({ tx, onCancel }: { tx: OutgoingView; onCancel(): void }) {
  const { client } = useWallet();
  const chains = useChainNames();
  const chain = chains.chain(tx.chainId);
  const speedUp = useAction(() => client.call('tx.speedUp', { id: tx.id }));
  const link = explorerUrl(chain, `tx/${tx.hash}`);
  const decimals = chain?.nativeCurrency.decimals ?? 18;
  const name = `${PURPOSE_TEXT[tx.purpose]} on ${chains.name(tx.chainId)}, nonce ${tx.nonce}`;
  const value =
    BigInt(tx.value) > 0n ? exactAmount(tx.value, decimals, chains.nativeSymbol(tx.chainId)) : null;
  const seconds = Math.floor(tx.createdAt / 1000);

  return (
    <li className="recent-txs__row" aria-label={name}>
      <div className="recent-txs__main">
        <span className="recent-txs__purpose">{PURPOSE_TEXT[tx.purpose]}</span>
        <span className="recent-txs__detail">
          {value && <>{value} </>}
          {tx.to && (
            <>
              to <code title={tx.to}>{shortAddress(tx.to)}</code>{' '}
            </>
          )}
          on {chains.name(tx.chainId)} · nonce {tx.nonce}
        </span>
        <time
          className="recent-txs__time"
          dateTime={new Date(tx.createdAt).toISOString()}
          title={dateTime(seconds)}
        >
          {timeOfDay(seconds)}
        </time>
      </div>
      <div className="recent-txs__state">
        <span className="badge" data-tone={STATUS_TONE[tx.status]}>
          {statusText(tx)}
        </span>
        {link && (
          <a className="recent-txs__link" href={link} target="_blank" rel="noreferrer" title={link}>
            Explorer
            <ExternalLink size={12} aria-hidden="true" />
          </a>
        )}
        {tx.status === 'pending' && (
          <>
            <button
              type="button"
              className="button"
              aria-disabled={speedUp.state.status === 'working'}
              onClick={() => speedUp.state.status !== 'working' && void speedUp.run()}
            >
              {speedUp.state.status === 'working' ? (
                <LoaderCircle className="spinner" size={14} aria-hidden="true" />
              ) : (
                <Gauge size={14} aria-hidden="true" />
              )}
              Speed up
            </button>
            <button type="button" className="button button--danger" onClick={onCancel}>
              <XCircle size={14} aria-hidden="true" />
              Cancel transaction
            </button>
          </>
        )}
      </div>
      {speedUp.state.status === 'failed' && (
        <div className="recent-txs__error">
          <ErrorNote outcome="Not sped up" message={speedUp.state.message} onDismiss={speedUp.clear} />
        </div>
      )}
    </li>
  );
}

/** Cancelling is itself a transaction: the user should know what it costs and that it can lose the race. */
function CancelDialog({ tx, onClose }: { tx: OutgoingView; onClose(): void }) {
  const { client } = useWallet();
  const chains = useChainNames();
  const keep = useRef<HTMLButtonElement>(null);
  const cancel = useAction(() => client.call('tx.cancel', { id: tx.id }));
  const busy = cancel.state.status === 'working';

  return (
    <Dialog
      title="Cancel this transaction?"
      initialFocus={keep}
      onCancel={() => !busy && onClose()}
      description={
        <p>
          This signs a new transaction on your device with the same nonce ({tx.nonce}) on{' '}
          {chains.name(tx.chainId)}: it sends nothing to yourself and pays a higher fee, so the network drops
          the original. It costs a fee, and if the original is included first, the cancellation fails instead.
        </p>
      }
      actions={
        <>
          <button
            ref={keep}
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => !busy && onClose()}
          >
            Keep it
          </button>
          <button
            type="button"
            className="button button--danger-solid"
            aria-disabled={busy}
            onClick={async () => {
              if (!busy && (await cancel.run())) onClose();
            }}
          >
            {busy && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            {busy ? 'Waiting for the device…' : 'Sign cancellation'}
          </button>
        </>
      }
    >
      {cancel.state.status === 'failed' && (
        <ErrorNote outcome="Not cancelled" message={cancel.state.message} />
      )}
    </Dialog>
  );
}
