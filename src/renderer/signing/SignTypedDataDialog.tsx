import { useId, useRef, useState } from 'react';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SignatureSummary } from './SignatureSummary';
import { DoneButton, signingAccountText, type SigningDialogProps } from './signingDialogParts';
import { consented, NO_CONSENT, TypedDataConsents, type Consents } from './TypedDataConsents';
import { parseTypedDataJson, type TypedDataPayload } from './typedDataJson';
import { TypedDataReviewView } from './TypedDataReviewView';
import './SignMessageDialog.css';

/**
 * Signs EIP-712 typed data a site gave the user (eth_signTypedData_v4 JSON): pasted, reviewed by main (what
 * the signature allows, its findings, what the device will show), then signed on the account's device.
 * Nothing is signed unreviewed: editing the text drops the review.
 */
export function SignTypedDataDialog({ account, onClose }: SigningDialogProps) {
  const { client } = useWallet();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [consents, setConsents] = useState<Consents>(NO_CONSENT);
  const field = useRef<HTMLTextAreaElement>(null);
  const formId = useId();
  const fieldId = useId();
  const errorId = useId();
  const review = useAction((typedData: TypedDataPayload) =>
    client.call('signing.reviewTypedData', { accountId: account.id, typedData }),
  );
  const sign = useAction((typedData: TypedDataPayload) =>
    client.call('signing.typedData', { accountId: account.id, typedData, ...consents }),
  );
  const reviewed = review.state.status === 'done' ? review.state.result : null;
  const busy = review.state.status === 'working' || sign.state.status === 'working';
  const signed = sign.state.status === 'done';

  function edit(value: string) {
    setText(value);
    setParseError(null);
    setConsents(NO_CONSENT);
    review.clear();
    sign.clear();
  }

  function submit() {
    if (busy) return;
    const parsed = parseTypedDataJson(text);
    if (!parsed.ok) {
      setParseError(parsed.error);
      field.current?.focus();
      return;
    }
    if (reviewed) void sign.run(parsed.typedData);
    else void review.run(parsed.typedData);
  }

  const canSign = reviewed !== null && !reviewed.blocked && consented(reviewed, consents);
  return (
    <Dialog
      title="Sign typed data"
      onCancel={() => !busy && onClose()}
      initialFocus={field}
      description={
        <p>
          Signs with {signingAccountText(account)}. Paste the typed data a site asked you to sign
          (eth_signTypedData_v4 JSON); the wallet shows what the signature allows before your device signs it.
        </p>
      }
      actions={
        signed ? (
          <DoneButton onClose={onClose} />
        ) : (
          <>
            {reviewed && (
              <button
                type="button"
                className="button"
                aria-disabled={busy}
                onClick={() => !busy && edit(text)}
              >
                Edit
              </button>
            )}
            <FormDialogActions
              formId={formId}
              busy={busy}
              canSubmit={reviewed ? canSign : text.trim() !== ''}
              label={reviewed ? 'Sign on device' : 'Review'}
              busyLabel={reviewed ? 'Waiting for device…' : 'Reviewing…'}
              onCancel={onClose}
            />
          </>
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
            submit();
          }}
        >
          <label htmlFor={fieldId} className="sign-message__label">
            Typed data (JSON)
          </label>
          <textarea
            id={fieldId}
            ref={field}
            className="text-input sign-message__text"
            value={text}
            rows={reviewed ? 3 : 8}
            spellCheck={false}
            aria-invalid={parseError !== null}
            aria-describedby={parseError ? errorId : undefined}
            onChange={(event) => edit(event.target.value)}
          />
          {parseError && <ErrorNote id={errorId} outcome="Not reviewed" message={parseError} />}
        </form>
      )}
      {reviewed && !signed && (
        <>
          <TypedDataReviewView review={reviewed} />
          <TypedDataConsents review={reviewed} given={consents} onChange={setConsents} />
        </>
      )}
      {review.state.status === 'failed' && (
        <ErrorNote outcome="Not reviewed" message={review.state.message} detail={review.state.detail} />
      )}
      {sign.state.status === 'failed' && (
        <ErrorNote outcome="Not signed" message={sign.state.message} detail={sign.state.detail} />
      )}
    </Dialog>
  );
}
