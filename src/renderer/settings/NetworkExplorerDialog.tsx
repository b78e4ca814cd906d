import { useId, useRef, useState } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { Dialog } from '../controls/Dialog';
import { FormDialogActions } from '../controls/FormDialogActions';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import './RpcDialog.css';

interface NetworkExplorerDialogProps {
  chain: Chain;
  onClose(): void;
}

/**
 * The block explorer a chain's transactions link to. A chain on the user's own endpoint (a devnet, a local
 * fork) links nowhere until the user names one here; main validates the address and says why it refuses.
 */
export function NetworkExplorerDialog({ chain, onClose }: NetworkExplorerDialogProps) {
  const { client } = useWallet();
  const [text, setText] = useState(chain.explorer?.url ?? '');
  const field = useRef<HTMLInputElement>(null);
  const formId = useId();
  const fieldId = useId();
  const explorerUrl = text.trim() || null;
  const save = useAction(() => client.call('chains.setExplorer', { chainId: chain.id, explorerUrl }));
  const saving = save.state.status === 'working';

  return (
    <Dialog
      title={`Block explorer for ${chain.name}`}
      onCancel={() => {
        if (!saving) onClose();
      }}
      initialFocus={field}
      description={
        <p>
          Transactions on {chain.name} link to this explorer. A network you reach through your own RPC links
          to none unless you set one, since a public explorer does not know its transactions. Leave it empty
          for no links.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={saving}
          canSubmit
          label={explorerUrl === null ? 'Use no explorer' : 'Save'}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="rpc-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (saving) return;
          void save.run().then((saved) => saved && onClose());
        }}
      >
        <label htmlFor={fieldId} className="rpc-dialog__label">
          Block explorer URL
        </label>
        <input
          id={fieldId}
          ref={field}
          className="text-input"
          inputMode="url"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            save.clear();
          }}
          placeholder="https://…"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
      </form>
      {save.state.status === 'failed' && <ErrorNote outcome="Not saved" message={save.state.message} />}
    </Dialog>
  );
}
