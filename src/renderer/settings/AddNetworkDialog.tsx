import { useId, useRef, useState } from 'react';
import type { AddCustomChain } from '../../shared/chains/chain';
import { Dialog } from '../controls/Dialog';
import { FormDialogActions } from '../controls/FormDialogActions';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import './AddNetworkDialog.css';

interface AddNetworkDialogProps {
  onClose(): void;
}

interface Fields {
  chainId: string;
  name: string;
  symbol: string;
  decimals: string;
  rpcUrl: string;
  explorerUrl: string;
}

const EMPTY: Fields = { chainId: '', name: '', symbol: '', decimals: '18', rpcUrl: '', explorerUrl: '' };

const WHOLE_NUMBER = /^\d+$/;

/**
 * What the form holds as main's request, or why it cannot be one. Only what a number field cannot say for
 * itself is checked here; main validates the rest (URLs, lengths) and its message is shown as it is.
 */
export function toAddCustomChain(fields: Fields): AddCustomChain | string {
  const chainId = fields.chainId.trim();
  const decimals = fields.decimals.trim();
  if (!WHOLE_NUMBER.test(chainId) || Number(chainId) === 0)
    return 'The chain ID must be a whole number, e.g. 10.';
  if (!WHOLE_NUMBER.test(decimals)) return 'Decimals must be a whole number, usually 18.';
  return {
    chainId: Number(chainId),
    name: fields.name.trim(),
    symbol: fields.symbol.trim(),
    decimals: Number(decimals),
    rpcUrl: fields.rpcUrl.trim(),
    explorerUrl: fields.explorerUrl.trim() || null,
  };
}

/**
 * Adds a network the registry does not know. Main proves the endpoint before storing anything, so adding
 * can take a moment and can fail with a reason the user must act on; the dialog stays open for that.
 */
export function AddNetworkDialog({ onClose }: AddNetworkDialogProps) {
  const { client } = useWallet();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [invalid, setInvalid] = useState<string | null>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const formId = useId();
  const errorId = useId();
  const ids = {
    chainId: useId(),
    name: useId(),
    symbol: useId(),
    decimals: useId(),
    rpcUrl: useId(),
    explorerUrl: useId(),
  };
  const add = useAction((request: AddCustomChain) => client.call('chains.addCustom', request));
  const adding = add.state.status === 'working';
  const complete = Boolean(
    fields.chainId.trim() && fields.name.trim() && fields.symbol.trim() && fields.rpcUrl.trim(),
  );
  const error = invalid ?? (add.state.status === 'failed' ? add.state.message : null);

  async function submit() {
    if (adding || !complete) return;
    const request = toAddCustomChain(fields);
    if (typeof request === 'string') {
      setInvalid(request);
      return;
    }
    // The network reaches every screen through main's chains.changed push, so closing is all there is.
    if (await add.run(request)) onClose();
  }

  function field(key: keyof Fields, label: string, extra: { optional?: boolean; mono?: boolean } = {}) {
    return (
      <div className="add-network__field" data-field={key}>
        <label htmlFor={ids[key]} className="add-network__label">
          {label}
          {extra.optional && <span className="add-network__optional"> (optional)</span>}
        </label>
        <input
          id={ids[key]}
          ref={key === 'chainId' ? firstField : undefined}
          className={extra.mono ? 'text-input add-network__mono' : 'text-input'}
          value={fields[key]}
          inputMode={
            key === 'chainId' || key === 'decimals' ? 'numeric' : key.endsWith('Url') ? 'url' : undefined
          }
          placeholder={key.endsWith('Url') ? 'https://…' : undefined}
          onChange={(event) => {
            setFields((current) => ({ ...current, [key]: event.target.value }));
            setInvalid(null);
            add.clear();
          }}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
      </div>
    );
  }

  return (
    <Dialog
      title="Add a network"
      onCancel={() => {
        if (!adding) onClose();
      }}
      initialFocus={firstField}
      description={
        <p>
          Before adding it, the wallet checks that the RPC answers with this chain ID and has Multicall3; the
          RPC URL is stored encrypted with a key kept in your OS keychain.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={adding}
          canSubmit={complete}
          label={'Add network'}
          busyLabel="Checking…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="add-network"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {field('chainId', 'Chain ID')}
        {field('name', 'Network name')}
        {field('symbol', 'Currency symbol')}
        {field('decimals', 'Decimals')}
        {field('rpcUrl', 'RPC URL', { mono: true })}
        {field('explorerUrl', 'Block explorer URL', { optional: true, mono: true })}
      </form>
      {error !== null && <ErrorNote id={errorId} outcome="Not added" message={error} />}
    </Dialog>
  );
}
