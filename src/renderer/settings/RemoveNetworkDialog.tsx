import type { Chain } from '../../shared/chains/chain';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { useWallet } from '../session/WalletContext';

interface RemoveNetworkDialogProps {
  chain: Chain;
  onClose(): void;
}

/** Asks before removing a user-added network; main disables it and forgets its endpoint. */
export function RemoveNetworkDialog({ chain, onClose }: RemoveNetworkDialogProps) {
  const { client } = useWallet();

  return (
    <ConfirmDialog
      title={`Remove ${chain.name}?`}
      description={
        <p>
          The wallet stops reading balances on {chain.name} (chain ID {chain.id}) and forgets its RPC URL. You
          can add it again later.
        </p>
      }
      confirmLabel="Remove"
      tone="danger"
      failedOutcome="Not removed"
      confirm={() => client.call('chains.removeCustom', { chainId: chain.id })}
      onClose={onClose}
    />
  );
}
