import { useId } from 'react';
import type { BridgeView } from '../../shared/history';
import { ChainDot } from '../chains/ChainBadge';
import { formatDuration, PROTOCOL_NAMES } from './describeEntry';
import { explorerUrl } from './explorer';
import { HashValue } from './HashValue';
import { dateTime } from './timeFormat';
import type { ChainDirectory } from './useChainNames';

interface LegProps {
  heading: string;
  chainId: number;
  hash: string | null;
  timestamp: number | null;
  /** Said where the leg has no transaction yet. */
  missing: string;
  chains: ChainDirectory;
}

function Leg({ heading, chainId, hash, timestamp, missing, chains }: LegProps) {
  const chain = chains.chain(chainId);
  return (
    <li className="bridge-leg card">
      <p className="bridge-leg__heading">
        <ChainDot chainId={chainId} />
        {heading}
      </p>
      {hash ? (
        <HashValue
          value={hash}
          label={`${heading.toLowerCase()} hash`}
          explorer={explorerUrl(chain, `tx/${hash}`)}
        />
      ) : (
        <p className="bridge-leg__missing">{missing}</p>
      )}
      {timestamp !== null && <p className="bridge-leg__time">{dateTime(timestamp)}</p>}
    </li>
  );
}

/** A bridge transfer as one movement with both its legs: what left the source and what reached the destination. */
export function BridgeLegs({ bridge, chains }: { bridge: BridgeView; chains: ChainDirectory }) {
  const headingId = useId();
  const from = chains.name(bridge.fromChainId);
  const to = chains.name(bridge.toChainId);
  const { sourceTimestamp: sent, destinationTimestamp: arrived } = bridge;
  const destination = {
    arrived: `Arrived on ${to}`,
    pending: `Waiting for ${to}`,
    refunded: `Refunded on ${from}`,
  }[bridge.status];
  return (
    <section className="drawer-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="drawer-section__title">
        Bridge via {PROTOCOL_NAMES[bridge.protocol]}
      </h3>
      <ol className="bridge-legs">
        <Leg
          heading={`Sent on ${from}`}
          chainId={bridge.fromChainId}
          hash={bridge.sourceHash}
          timestamp={sent}
          missing="The source transaction is not indexed yet."
          chains={chains}
        />
        <Leg
          heading={destination}
          chainId={bridge.status === 'refunded' ? bridge.fromChainId : bridge.toChainId}
          hash={bridge.destinationHash}
          timestamp={arrived}
          missing={
            bridge.status === 'pending'
              ? `Not seen on ${to} yet; it appears here once the funds arrive.`
              : 'No destination transaction: the bridge paid the funds back.'
          }
          chains={chains}
        />
      </ol>
      {bridge.status === 'arrived' && sent !== null && arrived !== null && (
        <p className="bridge-legs__duration">Took {formatDuration(arrived - sent)}</p>
      )}
    </section>
  );
}
