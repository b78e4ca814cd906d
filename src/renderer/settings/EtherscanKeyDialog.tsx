import { useId, useRef, useState } from 'react';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import './EtherscanKeyDialog.css';

interface EtherscanKeyDialogProps {
  /** Whether a key is stored already, which this one then replaces. */
  replacing: boolean;
  onSaved(): void;
  onClose(): void;
}

/**
 * Takes the user's Etherscan API key. The field is masked and starts empty: main keeps the key in the
 * keychain-backed vault and never hands it back, so there is nothing to show.
 */
export function EtherscanKeyDialog({ replacing, onSaved, onClose }: EtherscanKeyDialogProps) {
  const { client } = useWallet();
  const [key, setKey] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const formId = useId();
  const fieldId = useId();
  const save = useAction(() => client.call('history.setEtherscanKey', { key }));
  const saving = save.state.status === 'working';
  const canSave = key.trim() !== '';

  return (
    <Dialog
      title={replacing ? 'Replace Etherscan API key' : 'Set Etherscan API key'}
      onCancel={() => {
        if (!saving) onClose();
      }}
      initialFocus={field}
      description={
        <p>
          Etherscan answers history requests with your key when block explorers are allowed. It is stored
          encrypted with a key kept in your OS keychain and is not shown again.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={saving}
          canSubmit={canSave}
          label="Save"
          busyLabel="Saving…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="etherscan-key"
        onSubmit={(event) => {
          event.preventDefault();
          if (saving || !canSave) return;
          void save.run().then((saved) => {
            if (!saved) return;
            onSaved();
            onClose();
          });
        }}
      >
        <label htmlFor={fieldId} className="etherscan-key__label">
          API key
        </label>
        <input
          id={fieldId}
          ref={field}
          type="password"
          className="text-input etherscan-key__field"
          value={key}
          onChange={(event) => {
            setKey(event.target.value);
            save.clear();
          }}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
      {save.state.status === 'failed' && <ErrorNote outcome="Not saved" message={save.state.message} />}
    </Dialog>
  );
}
