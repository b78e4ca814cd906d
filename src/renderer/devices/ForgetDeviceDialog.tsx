import { ConfirmDialog } from '../controls/ConfirmDialog';
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
  const removed = accounts === 1 ? 'its account' : `its ${accounts} accounts`;

  return (
    <ConfirmDialog
      title={`Forget ${name}?`}
      description={
        <p>
          This removes the device and {accounts === 0 ? 'its record' : removed} from this wallet. Nothing on
          the device changes: your keys stay on it, and you can add the accounts again at any time.
        </p>
      }
      confirmLabel="Forget device"
      tone="danger-solid"
      failedOutcome="Not forgotten"
      confirm={() => client.call('devices.forget', { fingerprint })}
      onClose={onClose}
    />
  );
}
