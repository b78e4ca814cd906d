import { useId, useRef, useState } from 'react';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { NetworkField, TextField } from './SafeFormFields';
import { MAX_SAFE_NAME } from './safeWords';

/** Follows a Safe that exists already: main reads its owners, threshold, nonce, modules and guard on chain. */
export function AddSafeDialog({ onClose }: { onClose(): void }) {
  const { client, settings } = useWallet();
  const [chainId, setChainId] = useState(settings.activeChainId);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const addressField = useRef<HTMLInputElement>(null);
  const formId = useId();
  const errorId = useId();
  const add = useAction(() =>
    client.call('safes.add', { chainId, address: address.trim(), name: name.trim() }),
  );
  const adding = add.state.status === 'working';
  const complete = address.trim() !== '' && name.trim() !== '';

  async function submit() {
    if (adding || !complete) return;
    if (await add.run()) onClose();
  }

  return (
    <Dialog
      title="Add existing Safe"
      onCancel={() => !adding && onClose()}
      initialFocus={addressField}
      description={
        <p>
          The wallet reads the Safe from your network’s RPC, not from any Safe service, and warns about
          modules or a guard it cannot vet.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={adding}
          canSubmit={complete}
          label="Add"
          busyLabel="Reading the Safe…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="safe-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <NetworkField value={chainId} onChange={setChainId} />
        <TextField
          label="Safe address"
          value={address}
          placeholder="0x…"
          code
          inputRef={addressField}
          errorId={add.state.status === 'failed' ? errorId : undefined}
          onChange={(typed) => {
            setAddress(typed);
            add.clear();
          }}
        />
        <TextField label="Name" value={name} maxLength={MAX_SAFE_NAME} onChange={setName} />
      </form>
      {add.state.status === 'failed' && (
        <ErrorNote id={errorId} outcome="Not added" message={add.state.message} detail={add.state.detail} />
      )}
    </Dialog>
  );
}
