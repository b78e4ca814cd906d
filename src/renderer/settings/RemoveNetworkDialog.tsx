import { LoaderCircle } from 'lucide-react';
import { useRef } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

interface RemoveNetworkDialogProps {
  chain: Chain;
  onClose(): void;
}

/** Asks before removing a user-added network; main disables it and forgets its endpoint. */
export function RemoveNetworkDialog({ chain, onClose }: RemoveNetworkDialogProps) {
  const { client } = useWallet();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const remove = useAction(() => client.call('chains.removeCustom', { chainId: chain.id }));
  const removing = remove.state.status === 'working';

  return (
    <Dialog
      title={`Remove ${chain.name}?`}
      onCancel={() => {
        if (!removing) onClose();
      }}
      // Cancel first, so Enter on a dialog opened by mistake does not remove anything.
      initialFocus={cancelButton}
      description={
        <p>
          The wallet stops reading balances on {chain.name} (chain ID {chain.id}) and forgets its RPC URL. You
          can add it again later.
        </p>
      }
      actions={
        <>
          <button
            ref={cancelButton}
            type="button"
            className="button"
            aria-disabled={removing}
            onClick={() => !removing && onClose()}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-disabled={removing}
            onClick={() => {
              if (!removing) void remove.run().then((removed) => removed && onClose());
            }}
          >
            {removing && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            Remove
          </button>
        </>
      }
    >
      {remove.state.status === 'failed' && <ErrorNote outcome="Not removed" message={remove.state.message} />}
    </Dialog>
  );
}
