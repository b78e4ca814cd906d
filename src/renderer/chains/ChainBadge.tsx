import type { Chain } from '../../shared/chains/chain';
import { chainTone } from './chainTone';
import './ChainBadge.css';

/** The chain's colour as a dot; decorative, because the chain's name is always next to it. */
export function ChainDot({ chainId }: { chainId: number }) {
  return <span className="chain-dot" data-chain-tone={chainTone(chainId)} aria-hidden="true" />;
}

export function ChainBadge({ chain }: { chain: Pick<Chain, 'id' | 'name'> }) {
  return (
    <span className="chain-badge">
      <ChainDot chainId={chain.id} />
      {chain.name}
    </span>
  );
}
