import { useId, useRef, useState } from 'react';
import { MAX_ACCOUNT_NAME } from '../../shared/accountNames';
import { Dialog } from '../controls/Dialog';
import { FormDialogActions } from '../controls/FormDialogActions';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import './AddWatchDialog.css';

interface AddWatchDialogProps {
  onClose(): void;
}

/** Adds an address to watch: its balances are read from the chains, and it can never sign. */
export function AddWatchDialog({ onClose }: AddWatchDialogProps) {
  const { client } = useWallet();
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const addressField = useRef<HTMLInputElement>(null);
  const formId = useId();
  const addressId = useId();
  const labelId = useId();
  const errorId = useId();
  const add = useAction(() =>
    client.call('accounts.addWatch', { address: address.trim(), label: label.trim() }),
  );
  const adding = add.state.status === 'working';

  async function submit() {
    if (adding || !address.trim()) return;
    // The new account reaches every screen through main's accounts.changed push, so closing is all there is.
    if (await add.run()) onClose();
  }

  return (
    <Dialog
      title="Add watch-only address"
      onCancel={() => {
        if (!adding) onClose();
      }}
      initialFocus={addressField}
      description={
        <p>
          The wallet reads this address’s balances on your enabled networks. It holds no key for it, so
          nothing can be signed or sent from it.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={adding}
          canSubmit={address.trim() !== ''}
          label="Add address"
          busyLabel="Adding…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="add-watch"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={addressId} className="add-watch__label">
          Address
        </label>
        <input
          id={addressId}
          ref={addressField}
          className="text-input add-watch__address"
          value={address}
          onChange={(event) => {
            setAddress(event.target.value);
            add.clear();
          }}
          placeholder="0x…"
          aria-invalid={add.state.status === 'failed'}
          aria-describedby={add.state.status === 'failed' ? errorId : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        <label htmlFor={labelId} className="add-watch__label">
          Label <span className="add-watch__optional">(optional)</span>
        </label>
        <input
          id={labelId}
          className="text-input"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          maxLength={MAX_ACCOUNT_NAME}
          autoComplete="off"
        />
      </form>
      {add.state.status === 'failed' && (
        <ErrorNote id={errorId} outcome="Not added" message={add.state.message} />
      )}
    </Dialog>
  );
}
