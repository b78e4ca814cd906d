import { useState } from 'react';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useCallResult } from '../session/useCallResult';
import { useWallet } from '../session/WalletContext';
import { EtherscanKeyDialog } from './EtherscanKeyDialog';
import { SettingRow } from './SettingRow';
import { SettingSwitchRow } from './SettingSwitchRow';
import { SettingsSection } from './SettingsSection';

/**
 * Whether history may come from block explorers, which is off until the user turns it on: an explorer learns
 * every address it is asked about. The Etherscan key is only ever known as set or not set.
 */
export function HistorySourcesSection() {
  const { client } = useWallet();
  const sources = useCallResult('history.sources');
  const [editing, setEditing] = useState(false);
  const remove = useAction(() => client.call('history.setEtherscanKey', { key: null }));
  const keySet = sources.data?.etherscanKey ?? false;
  const removing = remove.state.status === 'working';

  return (
    <SettingsSection title="History sources">
      <SettingSwitchRow
        setting="historyExplorers"
        label="Ask block explorers for history"
        description={
          <>
            Etherscan or Blockscout then learn your addresses. Without them, history comes from your node’s
            Otterscan index or a scan of its logs, which misses plain ETH transfers on nodes without
            Otterscan. A node with Otterscan is asked first either way.
          </>
        }
      />
      <SettingRow
        label="Etherscan API key"
        description="Used on the networks Etherscan serves; elsewhere, or without a key, Blockscout is asked where it has a public instance. Stored encrypted with a key kept in your OS keychain, and not shown again."
        note={
          sources.error ? (
            <ErrorNote outcome="Could not check for a key" message={sources.error} />
          ) : (
            remove.state.status === 'failed' && (
              <ErrorNote outcome="Not removed" message={remove.state.message} />
            )
          )
        }
      >
        {() => (
          <>
            <span className="badge" data-tone={keySet ? 'success' : undefined} data-testid="etherscan-key">
              {sources.loading ? 'Checking…' : keySet ? 'Set' : 'Not set'}
            </span>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {keySet ? 'Replace…' : 'Set…'}
            </button>
            {keySet && (
              <button
                type="button"
                className="button button--danger"
                aria-disabled={removing}
                onClick={() => {
                  if (!removing) void remove.run().then((done) => done && sources.reload());
                }}
              >
                Remove
              </button>
            )}
          </>
        )}
      </SettingRow>
      {editing && (
        <EtherscanKeyDialog replacing={keySet} onSaved={sources.reload} onClose={() => setEditing(false)} />
      )}
    </SettingsSection>
  );
}
