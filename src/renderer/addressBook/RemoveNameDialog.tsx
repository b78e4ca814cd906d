import { ConfirmDialog } from '../controls/ConfirmDialog';
import { shortAddress } from '../../shared/format/shortAddress';
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
  const what = kind === 'label' ? 'label' : 'contact';

  return (
    <ConfirmDialog
      title={`Remove ${entry.name}?`}
      description={
        <p>
          The {what} for <code title={entry.address}>{shortAddress(entry.address)}</code> on{' '}
          {entry.chainId === null ? 'all networks' : scopeName(entry.chainId, chains)} is removed here and on
          the devices this wallet syncs names with. Nothing on chain changes.
        </p>
      }
      confirmLabel={`Remove ${what}`}
      tone="danger-solid"
      failedOutcome="Not removed"
      confirm={() =>
        client.call(kind === 'label' ? 'labels.remove' : 'contacts.remove', {
          address: entry.address,
          chainId: entry.chainId,
        })
      }
      onClose={onClose}
    />
  );
}
