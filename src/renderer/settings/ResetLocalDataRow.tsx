import { useId, useRef, useState } from 'react';
import { RESET_CONFIRMATION } from '../../shared/localData';
import { ActionStatus } from '../controls/ActionStatus';
import { Dialog } from '../controls/Dialog';
import { FormDialogActions } from '../controls/FormDialogActions';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction, type ActionState } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SettingRow } from './SettingRow';
import './ResetLocalDataRow.css';

/** "Reset local data", behind a dialog that says what goes and asks for the words main requires. */
export function ResetLocalDataRow() {
  const { client } = useWallet();
  const [confirming, setConfirming] = useState(false);
  const reset = useAction(() => client.call('data.reset', { confirm: RESET_CONFIRMATION }));
  const resetting = reset.state.status === 'working';

  function open() {
    reset.clear();
    setConfirming(true);
  }

  async function confirm() {
    if (await reset.run()) setConfirming(false);
  }

  return (
    <>
      <SettingRow
        label="Reset local data"
        description="Deletes everything this wallet keeps on this computer. Your hardware wallets and your phone are not touched."
        status={
          <ActionStatus
            state={reset.state}
            working="Resetting…"
            done={() => 'Local data was reset. Settings are back to their defaults.'}
          />
        }
      >
        {() => (
          <button type="button" className="button button--danger" onClick={open}>
            Reset local data…
          </button>
        )}
      </SettingRow>
      {confirming && (
        <ResetDialog
          state={reset.state}
          onCancel={() => {
            if (!resetting) setConfirming(false);
          }}
          onConfirm={() => {
            if (!resetting) void confirm();
          }}
        />
      )}
    </>
  );
}

interface ResetDialogProps {
  state: ActionState<null>;
  onCancel(): void;
  onConfirm(): void;
}

function ResetDialog({ state, onCancel, onConfirm }: ResetDialogProps) {
  const [typed, setTyped] = useState('');
  const phrase = useRef<HTMLInputElement>(null);
  const formId = useId();
  const phraseId = useId();
  const resetting = state.status === 'working';
  const confirmed = typed.trim() === RESET_CONFIRMATION;

  return (
    <Dialog
      title="Reset local data"
      onCancel={onCancel}
      initialFocus={phrase}
      description={
        <>
          <p>This deletes from this computer:</p>
          <ul className="reset-dialog__list">
            <li>accounts (their addresses and derivation paths), labels and the address book</li>
            <li>hardware wallets seen and paired phones</li>
            <li>your settings</li>
            <li>the keychain key that protects pairing and sync keys, so those can no longer be read</li>
          </ul>
          <p>
            Nothing changes on your hardware wallets or your phone, and your keys stay on them. You can add
            your accounts and pair your phone again afterwards.
          </p>
          <p>To keep your labels and address book, cancel and export a backup first.</p>
        </>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={resetting}
          canSubmit={confirmed}
          label="Reset"
          busyLabel="Resetting…"
          tone="danger"
          onCancel={onCancel}
        />
      }
    >
      <form
        id={formId}
        className="reset-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) onConfirm();
        }}
      >
        <label htmlFor={phraseId} className="reset-dialog__label">
          Type <code>{RESET_CONFIRMATION}</code> to confirm
        </label>
        <input
          id={phraseId}
          ref={phrase}
          className="text-input"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
      </form>
      {state.status === 'failed' && <ErrorNote outcome="Not reset" message={state.message} />}
    </Dialog>
  );
}
