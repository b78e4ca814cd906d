import { useId, useRef, useState } from 'react';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SignatureSummary } from './SignatureSummary';
import { DoneButton, signingAccountText, type SigningDialogProps } from './signingDialogParts';
import './SignMessageDialog.css';

/** Signs a plain-text message (personal_sign) with an account's device, then shows what came back. */
export function SignMessageDialog({ account, onClose }: SigningDialogProps) {
  const { client } = useWallet();
  const [message, setMessage] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const formId = useId();
  const fieldId = useId();
  const sign = useAction(() => client.call('signing.message', { accountId: account.id, message }));
  const signing = sign.state.status === 'working';
  const signed = sign.state.status === 'done';

  return (
    <Dialog
      title="Sign message"
      onCancel={() => !signing && onClose()}
      initialFocus={field}
      description={
        <p>
          Signs with {signingAccountText(account)}. Your device shows the message before it signs: sign only
          text you understand and expect.
        </p>
      }
      actions={
        signed ? (
          <DoneButton onClose={onClose} />
        ) : (
          <FormDialogActions
            formId={formId}
            busy={signing}
            canSubmit={message.trim() !== ''}
            label="Sign on device"
            busyLabel="Waiting for device…"
            onCancel={onClose}
          />
        )
      }
    >
      {sign.state.status === 'done' ? (
        <SignatureSummary result={sign.state.result} expected={account.address} />
      ) : (
        <form
          id={formId}
          className="sign-message"
          onSubmit={(event) => {
            event.preventDefault();
            if (!signing && message.trim()) void sign.run();
          }}
        >
          <label htmlFor={fieldId} className="sign-message__label">
            Message
          </label>
          <textarea
            id={fieldId}
            ref={field}
            className="text-input sign-message__text"
            value={message}
            maxLength={10_000}
            rows={5}
            onChange={(event) => {
              setMessage(event.target.value);
              sign.clear();
            }}
          />
        </form>
      )}
      {sign.state.status === 'failed' && <ErrorNote outcome="Not signed" message={sign.state.message} />}
    </Dialog>
  );
}
