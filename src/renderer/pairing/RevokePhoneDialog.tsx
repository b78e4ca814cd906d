import type { PairingView, PhoneView } from '../../shared/pairing';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { useWallet } from '../session/WalletContext';

interface RevokePhoneDialogProps {
  phone: PhoneView;
  onRevoked(view: PairingView): void;
  onClose(): void;
}

/** Confirms revoking a phone: unlike forgetting a device, the phone's key can never sign here again. */
export function RevokePhoneDialog({ phone, onRevoked, onClose }: RevokePhoneDialogProps) {
  const { client } = useWallet();

  return (
    <ConfirmDialog
      title={`Revoke ${phone.name}?`}
      description={
        <p>
          The wallet refuses this phone from now on and removes its account. If the phone is online it is told
          at once; to use it again you must pair it again.
        </p>
      }
      confirmLabel="Revoke phone"
      tone="danger-solid"
      failedOutcome="Not revoked"
      confirm={async () => onRevoked(await client.call('pairing.revoke', { fingerprint: phone.fingerprint }))}
      onClose={onClose}
    />
  );
}
