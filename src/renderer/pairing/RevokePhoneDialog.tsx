import { useRef } from 'react';
import type { PairingView, PhoneView } from '../../shared/pairing';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

interface RevokePhoneDialogProps {
  phone: PhoneView;
  onRevoked(view: PairingView): void;
  onClose(): void;
}

/** Confirms revoking a phone: unlike forgetting a device, the phone's key can never sign here again. */
export function RevokePhoneDialog({ phone, onRevoked, onClose }: RevokePhoneDialogProps) {
  const { client } = useWallet();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const revoke = useAction(async () =>
    onRevoked(await client.call('pairing.revoke', { fingerprint: phone.fingerprint })),
  );
  const working = revoke.state.status === 'working';

  return (
    <Dialog
      title={`Revoke ${phone.name}?`}
      onCancel={() => !working && onClose()}
      initialFocus={cancelButton}
      description={
        <p>
          The wallet refuses this phone from now on and removes its account. If the phone is online it is told
          at once; to use it again you must pair it again.
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
              if (!working && (await revoke.run())) onClose();
            }}
          >
            Revoke phone
          </button>
        </>
      }
    >
      {revoke.state.status === 'failed' && <ErrorNote outcome="Not revoked" message={revoke.state.message} />}
    </Dialog>
  );
}
