import type { DappRequestDetail } from '../../shared/dapps';
import { ChainBadge } from '../chains/ChainBadge';
import { CopyButton } from '../controls/CopyButton';
import { useChainNames } from '../history/useChainNames';
import { Fact } from '../review/ActionFacts';

type WatchAsset = Extract<DappRequestDetail, { type: 'watch-asset' }>;

/** A token to list: its symbol and decimals as the token contract itself reports them. */
export function WatchAssetRequest({ detail }: { detail: WatchAsset }) {
  const chains = useChainNames();
  return (
    <div className="site-request__body">
      <dl className="review__facts">
        <Fact label="Token">
          <code className="site-request__url">{detail.address}</code>
          <CopyButton text={detail.address} label={`token address ${detail.address}`} />
        </Fact>
        <Fact label="Symbol">{detail.symbol}</Fact>
        <Fact label="Decimals">
          <span className="review-figure">{detail.decimals}</span>
        </Fact>
        <Fact label="Network">
          <ChainBadge chain={{ id: detail.chainId, name: chains.name(detail.chainId) }} />
        </Fact>
      </dl>
      <p className="site-request__quiet">
        Adding a token only lists its balance in your portfolio. Anyone can make a token with any symbol, so
        check the address.
      </p>
    </div>
  );
}
