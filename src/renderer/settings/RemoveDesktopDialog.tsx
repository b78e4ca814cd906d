import { LoaderCircle } from 'lucide-react';
import { useRef } from 'react';
import type { SyncDeviceView, SyncView } from '../../shared/sync';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

interface RemoveDesktopDialogProps {
  device: SyncDeviceView;
  onRemoved(view: SyncView): void;
  onClose(): void;
}

/** Confirms taking a desktop out of the sync group: the key rotates, so it is cut off from then on. */
export function RemoveDesktopDialog({ device, onRemoved, onClose }: RemoveDesktopDialogProps) {
  const { client } = useWallet();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const remove = useAction(async () => onRemoved(await client.call('sync.removeDevice', { id: device.id })));
  const working = remove.state.status === 'working';

  return (
    <Dialog
      title={`Remove ${device.name} from sync?`}
      onCancel={() => !working && onClose()}
      // Cancel first, so Enter on a dialog opened by mistake removes nothing.
      initialFocus={cancelButton}
      description={
        <>
          <p>
            The group’s key is rotated, so {device.name} can read nothing written after this. What it already
            has stays on it.
          </p>
          <p>To sync it again, invite it back from Add another desktop.</p>
        </>
      }
      actions={
        <>
          <button
            ref={cancelButton}
            type="button"
            className="button"
            aria-disabled={working}
            onClick={() => !working && onClose()}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger-solid"
            aria-disabled={working}
            onClick={async () => {
              if (!working && (await remove.run())) onClose();
            }}
          >
            {working && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
            Remove desktop
          </button>
        </>
      }
    >
      {remove.state.status === 'failed' && <ErrorNote outcome="Not removed" message={remove.state.message} />}
    </Dialog>
  );
}
