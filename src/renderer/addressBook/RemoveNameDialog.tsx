import { LoaderCircle } from 'lucide-react';
import { useRef } from 'react';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { shortAddress } from '../format/shortAddress';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { scopeName, type NameEntry, type NameKind } from './names';

interface RemoveNameDialogProps {
  kind: NameKind;
  entry: NameEntry;
  onClose(): void;
}

/** Asks before removing a contact or label; the address itself is untouched, only the name goes. */
export function RemoveNameDialog({ kind, entry, onClose }: RemoveNameDialogProps) {
  const { client, chains } = useWallet();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const remove = useAction(() =>
    client.call(kind === 'label' ? 'labels.remove' : 'contacts.remove', {
      address: entry.address,
      chainId: entry.chainId,
    }),
  );
  const removing = remove.state.status === 'working';
  const what = kind === 'label' ? 'label' : 'contact';

  return (
    <Dialog
      title={`Remove ${entry.name}?`}
      onCancel={() => !removing && onClose()}
      // Cancel first, so Enter on a dialog opened by mistake removes nothing.
      initialFocus={cancelButton}
      description={
        <p>
          The {what} for <code title={entry.address}>{shortAddress(entry.address)}</code> on{' '}
          {entry.chainId === null ? 'all networks' : scopeName(entry.chainId, chains)} is removed here and on
          the devices this wallet syncs names with. Nothing on chain changes.
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
            className="button button--danger-solid"
            aria-disabled={removing}
            onClick={() => {
              if (!removing) void remove.run().then((removed) => removed && onClose());
            }}
          >
            {removing && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            Remove {what}
          </button>
        </>
      }
    >
      {remove.state.status === 'failed' && <ErrorNote outcome="Not removed" message={remove.state.message} />}
    </Dialog>
  );
}
