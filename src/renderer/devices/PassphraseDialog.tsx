import { Info } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { DeviceView } from '../../shared/devices';
import { Callout } from '../controls/Callout';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { deviceName } from './deviceNames';
import { useDeviceAnswer } from './useDeviceAnswer';
import './TrezorDialogs.css';

interface PassphraseDialogProps {
  device: DeviceView;
  onAnswered(): void;
}

export function PassphraseDialog({ device, onAnswered }: PassphraseDialogProps) {
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const formId = useId();
  const fieldId = useId();
  const { answer, busy, send } = useDeviceAnswer(device.id, 'passphrase', onAnswered);

  return (
    <Dialog
      title={`Enter the passphrase of ${deviceName(device)}`}
      onCancel={() => send(null)}
      initialFocus={field}
      description={<p>Your Trezor protects this wallet with a passphrase.</p>}
      actions={
        <FormDialogActions
          formId={formId}
          busy={busy}
          // An empty passphrase is valid: it opens the standard wallet.
          canSubmit
          label="Open wallet"
          busyLabel="Opening…"
          onCancel={() => send(null)}
        />
      }
    >
      <form
        id={formId}
        className="passphrase-entry"
        onSubmit={(event) => {
          event.preventDefault();
          send(passphrase);
        }}
      >
        <label htmlFor={fieldId} className="passphrase-entry__label">
          Passphrase
        </label>
        <input
          id={fieldId}
          ref={field}
          type="password"
          className="text-input"
          value={passphrase}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </form>
      <Callout tone="info" icon={Info}>
        Every passphrase opens a wallet, so a typo is not refused: it opens a different wallet, with different
        accounts. Type it exactly as before.
      </Callout>
      {answer.state.status === 'failed' && <ErrorNote outcome="Not sent" message={answer.state.message} />}
    </Dialog>
  );
}
