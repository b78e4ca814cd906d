import { useRef } from 'react';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

interface ForgetDeviceDialogProps {
  name: string;
  fingerprint: string;
  accounts: number;
  onClose(): void;
}

/** Confirms forgetting a device: it removes this wallet's record and accounts, never anything on the device. */
export function ForgetDeviceDialog({ name, fingerprint, accounts, onClose }: ForgetDeviceDialogProps) {
  const { client } = useWallet();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const forget = useAction(() => client.call('devices.forget', { fingerprint }));
  const working = forget.state.status === 'working';
  const removed = accounts === 1 ? 'its account' : `its ${accounts} accounts`;

  return (
    <Dialog
      title={`Forget ${name}?`}
      onCancel={() => !working && onClose()}
      initialFocus={cancelButton}
      description={
        <p>
          This removes the device and {accounts === 0 ? 'its record' : removed} from this wallet. Nothing on
          the device changes: your keys stay on it, and you can add the accounts again at any time.
        </p>
      }
      actions={
        <>
          <button ref={cancelButton} type="button" className="button" onClick={() => !working && onClose()}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger-solid"
            aria-disabled={working}
            onClick={async () => {
              if (!working && (await forget.run())) onClose();
            }}
          >
            Forget device
          </button>
        </>
      }
    >
      {forget.state.status === 'failed' && (
        <ErrorNote outcome="Not forgotten" message={forget.state.message} />
      )}
    </Dialog>
  );
}
