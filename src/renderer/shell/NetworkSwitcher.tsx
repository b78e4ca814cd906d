import { useId } from 'react';
import { NetworkSelect } from '../controls/NetworkSelect';
import { ErrorNote } from '../controls/ErrorNote';
import { useSettingField } from '../session/useSettingField';
import './TopBar.css';

/** The top bar's network scope; it is the stored `activeChainId`, the same setting Settings edits. */
export function NetworkSwitcher() {
  const network = useSettingField('activeChainId');
  const errorId = useId();
  return (
    <div className="network-switcher">
      <NetworkSelect
        aria-label="Network"
        value={network.value}
        onChange={network.change}
        aria-busy={network.saving}
        aria-describedby={network.error ? errorId : undefined}
        enableMore="icon"
      />
      {network.error && (
        <div className="network-switcher__error">
          <ErrorNote
            id={errorId}
            outcome="Not saved"
            message={network.error}
            onDismiss={network.dismissError}
          />
        </div>
      )}
    </div>
  );
}
