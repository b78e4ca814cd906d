import { CircleCheck, CloudOff, LoaderCircle, RefreshCw } from 'lucide-react';
import { useId } from 'react';
import type { HistorySyncState } from '../../shared/history';
import { ChainBadge } from '../chains/ChainBadge';
import { ErrorNote } from '../controls/ErrorNote';
import { formatCount } from '../../shared/format/amount';
import type { HistorySync } from './useHistorySync';
import type { ChainDirectory } from './useChainNames';
import './SyncStrip.css';

const STATE_LABELS: Record<HistorySyncState['state'], string> = {
  idle: 'Waiting',
  syncing: 'Syncing',
  synced: 'Synced',
  failed: 'Failed',
  unsupported: 'Not supported',
};

const PROVIDER_NAMES: Record<string, string> = {
  otterscan: 'Otterscan',
  etherscan: 'Etherscan',
  blockscout: 'Blockscout',
  logs: 'node logs',
};

function Blocks({ chain }: { chain: HistorySyncState }) {
  if (chain.indexedBlock === null) return <span className="sync-chip__blocks">Not indexed yet</span>;
  const head = chain.headBlock === null ? '' : ` of ${formatCount(chain.headBlock)}`;
  return (
    <span className="sync-chip__blocks">
      block {formatCount(chain.indexedBlock)}
      {head}
    </span>
  );
}

function StateBadge({ state }: { state: HistorySyncState['state'] }) {
  const tone =
    state === 'synced'
      ? 'success'
      : state === 'failed'
        ? 'danger'
        : state === 'syncing'
          ? 'warning'
          : undefined;
  return (
    <span className="badge" data-tone={tone}>
      {state === 'synced' && <CircleCheck size={12} aria-hidden="true" />}
      {state === 'syncing' && <LoaderCircle className="spinner" size={12} aria-hidden="true" />}
      {state === 'failed' && <CloudOff size={12} aria-hidden="true" />}
      {STATE_LABELS[state]}
    </span>
  );
}

/** How far history is indexed on each chain, from which provider, and why a chain failed; with Sync now. */
export function SyncStrip({ sync, chains }: { sync: HistorySync; chains: ChainDirectory }) {
  const headingId = useId();
  const working = sync.syncNow.state.status === 'working';
  return (
    <section className="sync-strip" aria-labelledby={headingId}>
      <div className="sync-strip__header">
        <h2 id={headingId} className="sync-strip__title">
          Sync
        </h2>
        <button
          type="button"
          className="button"
          aria-disabled={working}
          aria-busy={working}
          onClick={() => {
            if (!working) void sync.syncNow.run();
          }}
        >
          {working ? (
            <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          ) : (
            <RefreshCw size={14} aria-hidden="true" />
          )}
          Sync now
        </button>
      </div>
      {sync.error && <ErrorNote outcome="Could not read the sync state" message={sync.error} />}
      {sync.syncNow.state.status === 'failed' && (
        <ErrorNote outcome="Not synced" message={sync.syncNow.state.message} onDismiss={sync.syncNow.clear} />
      )}
      {sync.chains?.length === 0 && <p className="sync-strip__none">No network is being synced yet.</p>}
      <ul className="sync-strip__chains">
        {(sync.chains ?? []).map((chain) => (
          <li key={chain.chainId} className="sync-chip" data-state={chain.state}>
            <span className="sync-chip__top">
              <ChainBadge chain={{ id: chain.chainId, name: chains.name(chain.chainId) }} />
              <StateBadge state={chain.state} />
            </span>
            <span className="sync-chip__detail">
              {chain.provider && <span>via {PROVIDER_NAMES[chain.provider] ?? chain.provider} · </span>}
              <Blocks chain={chain} />
            </span>
            {chain.message && (
              <span className="sync-chip__message" title={chain.message}>
                {chain.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
