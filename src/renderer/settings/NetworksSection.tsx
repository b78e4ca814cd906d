import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { ChainBadge } from '../chains/ChainBadge';
import { ErrorNote } from '../controls/ErrorNote';
import { Switch } from '../controls/Switch';
import { useSettingField } from '../session/useSettingField';
import { AddNetworkDialog } from './AddNetworkDialog';
import { NetworkExplorerDialog } from './NetworkExplorerDialog';
import { ReadModeLine } from './ReadModeLine';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';
import { RpcDialog } from './RpcDialog';
import { SettingsSection } from './SettingsSection';
import { useReadModes } from './useReadModes';
import { isCustomChain } from '../chains/customChain';
import './NetworksSection.css';

/**
 * The chain registry as this build knows it, plus the networks the user added, so a user can check ids and
 * explorers before trusting them, and choose which networks the wallet may talk to at all (no request
 * leaves for a network that is off).
 */
export function NetworksSection({ chains }: { chains: readonly Chain[] }) {
  const enabled = useSettingField('enabledChainIds');
  const readModes = useReadModes();
  const [editing, setEditing] = useState<Chain | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Chain | null>(null);
  const [explorerOf, setExplorerOf] = useState<Chain | null>(null);

  function toggle(chainId: number, on: boolean) {
    // Kept in registry order, so the stored list does not depend on the order of clicks.
    const next = new Set(enabled.value);
    if (on) next.add(chainId);
    else next.delete(chainId);
    enabled.change(chains.map((chain) => chain.id).filter((id) => next.has(id)));
  }

  return (
    <SettingsSection title="Networks">
      <div className="networks__intro">
        <p>
          The wallet sends requests only to enabled networks. Balances and the portfolio cover those networks.
        </p>
        <button type="button" className="button networks__add" onClick={() => setAdding(true)}>
          <Plus size={14} aria-hidden="true" />
          Add network
        </button>
      </div>
      {enabled.error && (
        <div className="networks__error">
          <ErrorNote outcome="Not saved" message={enabled.error} onDismiss={enabled.dismissError} />
        </div>
      )}
      <table className="networks">
        <thead>
          <tr>
            <th scope="col">Enabled</th>
            <th scope="col">Network</th>
            <th scope="col" className="networks__number">
              Chain ID
            </th>
            <th scope="col">Native currency</th>
            <th scope="col">Explorer</th>
            <th scope="col">
              <span className="visually-hidden">RPC</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {chains.map((chain) => (
            <tr key={chain.id}>
              <td>
                <Switch
                  aria-label={`Enable ${chain.name}`}
                  aria-busy={enabled.saving}
                  checked={enabled.value.includes(chain.id)}
                  onChange={(event) => toggle(chain.id, event.target.checked)}
                />
              </td>
              <th scope="row">
                <span className="networks__name">
                  <ChainBadge chain={chain} />
                  {isCustomChain(chain) && <span className="badge">Custom</span>}
                </span>
                {enabled.value.includes(chain.id) && <ReadModeLine mode={readModes.get(chain.id)} />}
              </th>
              <td className="networks__number">{chain.id}</td>
              <td>{chain.nativeCurrency.symbol}</td>
              <td>
                <button
                  type="button"
                  className="networks__explorer"
                  // The visible explorer name leads the accessible name, so voice control finds the button by what it shows.
                  aria-label={`${chain.explorer?.name ?? 'None'}: set block explorer for ${chain.name}`}
                  onClick={() => setExplorerOf(chain)}
                >
                  {chain.explorer?.name ?? 'None'}
                </button>
              </td>
              <td className="networks__actions">
                <button
                  type="button"
                  className="button networks__rpc"
                  aria-label={`Edit RPC for ${chain.name}`}
                  onClick={() => setEditing(chain)}
                >
                  Edit RPC…
                </button>
                {isCustomChain(chain) && (
                  <button
                    type="button"
                    className="button button--danger networks__remove"
                    aria-label={`Remove ${chain.name}`}
                    onClick={() => setRemoving(chain)}
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <RpcDialog chain={editing} onClose={() => setEditing(null)} />}
      {adding && <AddNetworkDialog onClose={() => setAdding(false)} />}
      {explorerOf && <NetworkExplorerDialog chain={explorerOf} onClose={() => setExplorerOf(null)} />}
      {removing && <RemoveNetworkDialog chain={removing} onClose={() => setRemoving(null)} />}
    </SettingsSection>
  );
}
