import type { SyncDeviceView, SyncView } from '../../shared/sync';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { useWallet } from '../session/WalletContext';

interface RemoveDesktopDialogProps {
  device: SyncDeviceView;
  onRemoved(view: SyncView): void;
  onClose(): void;
}

/** Confirms taking a desktop out of the sync group: the key rotates, so it is cut off from then on. */
export function RemoveDesktopDialog({ device, onRemoved, onClose }: RemoveDesktopDialogProps) {
  const { client } = useWallet();

  return (
    <ConfirmDialog
      title={`Remove ${device.name} from sync?`}
      description={
        <>
          <p>
            The group’s key is rotated, so {device.name} can read nothing written after this. What it already
            has stays on it.
          </p>
          <p>To sync it again, invite it back from Add another desktop.</p>
        </>
      }
      confirmLabel="Remove desktop"
      tone="danger-solid"
      failedOutcome="Not removed"
      confirm={async () => onRemoved(await client.call('sync.removeDevice', { id: device.id }))}
      onClose={onClose}
    />
  );
}
