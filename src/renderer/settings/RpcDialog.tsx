import { useId, useRef, useState } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { Dialog } from '../controls/Dialog';
import { FormDialogActions } from '../controls/FormDialogActions';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { isCustomChain } from '../chains/customChain';
import './RpcDialog.css';

interface RpcDialogProps {
  chain: Chain;
  onClose(): void;
}

/** One URL per line, blank lines ignored; main validates each and says which one it refuses. */
export function parseRpcUrls(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Custom RPC endpoints for one chain. The URLs are not shown again once saved: they often carry an API key,
 * so main keeps them in the keychain-backed vault and the renderer never reads them back.
 */
export function RpcDialog({ chain, onClose }: RpcDialogProps) {
  const { client } = useWallet();
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const formId = useId();
  const fieldId = useId();
  const save = useAction(() => client.call('chains.setRpc', { chainId: chain.id, urls: parseRpcUrls(text) }));
  const saving = save.state.status === 'working';
  const urls = parseRpcUrls(text);
  // A user-added network has no built-in endpoint to fall back to: an empty list would leave it unreachable.
  const builtIn = !isCustomChain(chain);
  const canSave = builtIn || urls.length > 0;

  return (
    <Dialog
      title={`Custom RPC for ${chain.name}`}
      onCancel={() => {
        if (!saving) onClose();
      }}
      initialFocus={field}
      description={
        <>
          {builtIn ? (
            <p>
              Requests for {chain.name} go to these endpoints, in order, instead of the built-in ones (
              {chain.rpcUrls.map((url) => new URL(url).host).join(', ')}). Each must answer with chain ID{' '}
              {chain.id}.
            </p>
          ) : (
            <p>
              Requests for {chain.name} go to these endpoints, in order, instead of the one you gave when you
              added it. Each must answer with chain ID {chain.id}.
            </p>
          )}
          <p>
            RPC URLs often carry an API key, so they are stored encrypted with a key kept in your OS keychain
            and are not shown again.
            {builtIn && ' Save an empty list to go back to the built-in endpoints.'}
          </p>
        </>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={saving}
          canSubmit={canSave}
          label={urls.length === 0 ? 'Use built-in endpoints' : 'Save'}
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
          if (saving || !canSave) return;
          void save.run().then((saved) => saved && onClose());
        }}
      >
        <label htmlFor={fieldId} className="rpc-dialog__label">
          RPC URLs, one per line (up to 5)
        </label>
        <textarea
          id={fieldId}
          ref={field}
          className="rpc-dialog__urls"
          rows={4}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            save.clear();
          }}
          placeholder={'https://…'}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
      {save.state.status === 'failed' && <ErrorNote outcome="Not saved" message={save.state.message} />}
    </Dialog>
  );
}
