import type { DappRequestDetail } from '../../shared/dapps';
import { ChainBadge } from '../chains/ChainBadge';
import { Callout } from '../controls/Callout';
import { Fact } from '../review/ActionFacts';

type AddChain = Extract<DappRequestDetail, { type: 'add-chain' }>;
type SwitchChain = Extract<DappRequestDetail, { type: 'switch-chain' }>;

export function SwitchChainRequest({ detail }: { detail: SwitchChain }) {
  return (
    <div className="site-request__body">
      <dl className="review__facts">
        <Fact label="Switch to">
          <ChainBadge chain={{ id: detail.chainId, name: detail.chainName }} />
        </Fact>
      </dl>
      <p className="site-request__quiet">
        Only this site changes network. The rest of the wallet stays where it is.
      </p>
    </div>
  );
}

/** What the RPC answered when asked for its chain id: the site's claim about the network, checked. */
function RpcCheck({ detail }: { detail: AddChain }) {
  if (detail.rpcChainId === detail.chainId) {
    return (
      <p className="site-request__check" data-tone="success">
        The RPC answered chain id {detail.chainId}, as the site says.
      </p>
    );
  }
  return (
    <Callout tone="danger" title="The RPC does not match">
      {detail.rpcChainId === null
        ? 'The RPC did not answer when asked for its chain id, so the network cannot be added.'
        : `The RPC answered chain id ${detail.rpcChainId}, not ${detail.chainId} as the site says, so the network cannot be added.`}
    </Callout>
  );
}

export function AddChainRequest({ detail }: { detail: AddChain }) {
  return (
    <div className="site-request__body">
      <dl className="review__facts">
        <Fact label="Name">{detail.chainName}</Fact>
        <Fact label="Chain id">
          <span className="review-figure">{detail.chainId}</span>
        </Fact>
        <Fact label="RPC URL">
          <code className="site-request__url">{detail.rpcUrl}</code>
        </Fact>
        <Fact label="Native coin">{detail.nativeSymbol}</Fact>
        {detail.explorerUrl && (
          <Fact label="Explorer">
            <code className="site-request__url">{detail.explorerUrl}</code>
          </Fact>
        )}
      </dl>
      <RpcCheck detail={detail} />
      <p className="site-request__quiet">
        The wallet reads this network through the RPC above, which sees the addresses it is asked about. You
        can change or remove it in Settings.
      </p>
    </div>
  );
}
