import { ExternalLink, Gauge, LoaderCircle, XCircle } from 'lucide-react';
import { useId, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import type { NamesView } from '../../shared/names';
import type { TokenView } from '../../shared/portfolio';
import type { OutgoingView } from '../../shared/tx';
import { useAccounts } from '../accounts/useAccounts';
import { useNames } from '../addressBook/useNames';
import { ErrorNote } from '../controls/ErrorNote';
import { shortAddress } from '../../shared/format/shortAddress';
import { useCallResult } from '../session/useCallResult';
import { explorerUrl } from '../history/explorer';
import { dateTime, timeOfDay } from '../history/timeFormat';
import { useChainNames } from '../history/useChainNames';
import { ReplacementDialog, type ReplacementMode } from './ReplacementDialog';
import { nameFor, recipientOf, sentAmount } from './outgoingWords';
import { PURPOSE_TEXT, STATUS_TONE, statusText } from './txWords';
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
  const [replacing, setReplacing] = useState<{ tx: OutgoingView; mode: ReplacementMode } | null>(null);
  const list = outgoing.list?.filter((tx, _, all) => !filter || filter(tx, all)).slice(0, limit) ?? null;
  // Names and token symbols only improve the words: until they load, an address and base units stand in.
  const context: RowContext = {
    accounts: useAccounts().list ?? [],
    names: useNames().view,
    tokens: useCallResult('portfolio.get').data?.tokens ?? [],
  };

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
            <TransactionRow
              key={tx.id}
              tx={tx}
              context={context}
              onReplace={(mode) => setReplacing({ tx, mode })}
            />
          ))}
        </ul>
      )}
      {replacing && (
        <ReplacementDialog tx={replacing.tx} mode={replacing.mode} onClose={() => setReplacing(null)} />
      )}
    </section>
  );
}

interface RowContext {
  accounts: readonly AccountView[];
  names: NamesView | null;
  tokens: readonly TokenView[];
}

interface TransactionRowProps {
  tx: OutgoingView;
  context: RowContext;
  onReplace(mode: ReplacementMode): void;
}

function TransactionRow({ tx, context, onReplace }: TransactionRowProps) {
  const chains = useChainNames();
  const chain = chains.chain(tx.chainId);
  // A speed-up or cancel of it is out: the newer transaction carries the buttons now.
  const beingReplaced = tx.replacedBy !== null && tx.status === 'pending';
  const link = explorerUrl(chain, `tx/${tx.hash}`);
  const native = {
    decimals: chain?.nativeCurrency.decimals ?? 18,
    symbol: chains.nativeSymbol(tx.chainId),
  };
  const name = `${PURPOSE_TEXT[tx.purpose]} on ${chains.name(tx.chainId)}, nonce ${tx.nonce}`;
  const value = sentAmount(tx, native, context.tokens);
  const recipient = recipientOf(tx);
  const recipientName = recipient && nameFor(recipient, tx.chainId, context.accounts, context.names);
  const seconds = Math.floor(tx.createdAt / 1000);

  return (
    <li className="recent-txs__row" aria-label={name}>
      <div className="recent-txs__main">
        <span className="recent-txs__purpose">{PURPOSE_TEXT[tx.purpose]}</span>
        <span className="recent-txs__detail">
          {value && <>{value} </>}
          {recipient && (
            <>
              to{' '}
              {recipientName ? (
                <span className="recent-txs__name" title={recipient}>
                  {recipientName}
                </span>
              ) : (
                <code title={recipient}>{shortAddress(recipient)}</code>
              )}{' '}
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
        <span className="badge" data-tone={beingReplaced ? undefined : STATUS_TONE[tx.status]}>
          {beingReplaced ? 'Being replaced' : statusText(tx)}
        </span>
        {link && (
          <a className="recent-txs__link" href={link} target="_blank" rel="noreferrer" title={link}>
            Explorer
            <ExternalLink size={12} aria-hidden="true" />
          </a>
        )}
        {tx.status === 'pending' && !beingReplaced && (
          <>
            <button type="button" className="button" onClick={() => onReplace('speed-up')}>
              <Gauge size={14} aria-hidden="true" />
              Speed up
            </button>
            <button type="button" className="button button--danger" onClick={() => onReplace('cancel')}>
              <XCircle size={14} aria-hidden="true" />
              Cancel transaction
            </button>
          </>
        )}
      </div>
    </li>
  );
}
