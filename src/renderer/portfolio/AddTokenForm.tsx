import { LoaderCircle, Plus } from 'lucide-react';
import { memo, useId, useState } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { ActionStatus } from '../controls/ActionStatus';
import { ErrorNote } from '../controls/ErrorNote';
import { NetworkSelect } from '../controls/NetworkSelect';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { Panel } from './Panel';
import './AddTokenForm.css';

interface AddTokenFormProps {
  /** Only enabled networks: a token on any other could not be read without a request the user did not allow. */
  chains: readonly Chain[];
  /** Called once main has stored the token, so the page asks for the new view. */
  onAdded(): void;
}

/** A token by contract address; main reads its symbol and decimals on chain, so nothing here is typed in. */
export const AddTokenForm = memo(function AddTokenForm({ chains, onAdded }: AddTokenFormProps) {
  const { client } = useWallet();
  const [chainId, setChainId] = useState(() => chains[0]?.id ?? 1);
  const [address, setAddress] = useState('');
  const addressId = useId();
  const networkId = useId();
  const errorId = useId();
  const add = useAction(async () => {
    const token = await client.call('tokens.add', { chainId, address: address.trim() });
    setAddress('');
    onAdded();
    return token;
  });
  const adding = add.state.status === 'working';
  const failed = add.state.status === 'failed';

  if (chains.length === 0) return null;

  return (
    <Panel title="Add a token" note="By contract address; its symbol and decimals are read on chain">
      <form
        className="card add-token"
        onSubmit={(event) => {
          event.preventDefault();
          if (!adding && address.trim()) void add.run();
        }}
      >
        <div className="add-token__field">
          <label htmlFor={networkId} className="add-token__label">
            Network
          </label>
          <NetworkSelect id={networkId} value={chainId} onChange={setChainId} />
        </div>
        <div className="add-token__field add-token__field--grow">
          <label htmlFor={addressId} className="add-token__label">
            Contract address
          </label>
          <input
            id={addressId}
            className="text-input add-token__address"
            value={address}
            placeholder="0x…"
            onChange={(event) => {
              setAddress(event.target.value);
              if (failed) add.clear();
            }}
            aria-invalid={failed}
            aria-describedby={failed ? errorId : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!address.trim()}
          aria-disabled={adding}
        >
          {adding ? (
            <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          ) : (
            <Plus size={14} aria-hidden="true" />
          )}
          Add token
        </button>
        <p className="add-token__status" role="status">
          <ActionStatus
            state={add.state}
            working="Reading the token on chain…"
            done={(token) => `Added ${token.symbol} (${token.name}).`}
          />
        </p>
        {add.state.status === 'failed' && (
          <div className="add-token__error">
            <ErrorNote id={errorId} outcome="Not added" message={add.state.message} />
          </div>
        )}
      </form>
    </Panel>
  );
});
