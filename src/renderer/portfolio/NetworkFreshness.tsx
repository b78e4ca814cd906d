import { CircleCheck, CloudOff } from 'lucide-react';
import type { ChainStatusView } from '../../shared/portfolio';
import { ChainBadge } from '../chains/ChainBadge';
import { formatAge } from '../format/age';
import { formatCount } from '../../shared/format/amount';
import { Panel } from './Panel';
import { newestRead } from './refreshStatus';
import { useAgeNow } from './useNow';
import './NetworkFreshness.css';

/**
 * "12 s ago", on the steps of the youngest read (`newestMs`), so every chip moves in the same frame. A
 * component of its own: a step re-renders this text alone, not the chip's badges and icons.
 */
function ReadAge({ readAt, newestMs }: { readAt: number; newestMs: number }) {
  return formatAge(readAt, useAgeNow(newestMs));
}

function ReadLine({ chain, newestMs }: { chain: ChainStatusView; newestMs: number }) {
  const read = chain.lastRead;
  if (!read) return <span className="freshness__read">Not read yet</span>;
  const blockTime = new Date(read.blockTimestamp * 1000).toLocaleString();
  return (
    <span
      className="freshness__read"
      title={`Block ${formatCount(read.blockNumber)}, mined ${blockTime}; read ${new Date(read.readAt).toLocaleString()}`}
    >
      {chain.state === 'stale' && 'last good '}block {formatCount(read.blockNumber)} ·{' '}
      <ReadAge readAt={read.readAt} newestMs={newestMs} />
    </span>
  );
}

/** One chip per enabled network: is what we show current, from which block, and read how long ago. */
export function NetworkFreshness({ chains }: { chains: readonly ChainStatusView[] }) {
  const newestMs = newestRead(chains);
  return (
    <Panel
      title="Networks"
      note="Balances are read at one block per network; a stale network keeps its last good read."
    >
      <ul className="freshness">
        {chains.map((chain) => {
          const fresh = chain.state === 'ok';
          return (
            <li key={chain.chainId} className="freshness__chip card" data-state={chain.state}>
              <div className="freshness__top">
                <ChainBadge chain={{ id: chain.chainId, name: chain.name }} />
                <span className="badge" data-tone={fresh ? 'success' : 'warning'}>
                  {fresh ? (
                    <CircleCheck size={12} aria-hidden="true" />
                  ) : (
                    <CloudOff size={12} aria-hidden="true" />
                  )}
                  {fresh ? 'Fresh' : 'Stale'}
                </span>
              </div>
              <ReadLine chain={chain} newestMs={newestMs} />
              {!fresh && chain.reason && (
                <p className="freshness__reason" title={chain.reason}>
                  {chain.reason}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
