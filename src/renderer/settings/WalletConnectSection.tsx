import {
  DEFAULT_WALLETCONNECT_RELAY,
  WalletConnectProjectId,
  WalletConnectRelayUrl,
} from '../../shared/walletConnect';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';
import { SettingSwitchRow } from './SettingSwitchRow';
import { SettingTextRow } from './SettingTextRow';

/**
 * How dApps reach the wallet through WalletConnect: the project id that opens the relay, which relay, and
 * Verify, each with what it learns said before the user turns it on.
 */
export function WalletConnectSection() {
  return (
    <SettingsSection title="WalletConnect">
      <SettingRow
        label="What the relay sees"
        description="The relay passes encrypted messages between this wallet and dApps. It sees when and how much they exchange, the project id and your IP address; it cannot read the messages."
      />
      <SettingTextRow
        setting="walletConnectProjectId"
        label="Project id"
        description={
          <>
            The relay admits wallets under a project id. Create a free project on Reown’s dashboard
            (dashboard.reown.com) and paste its id here: 32 characters, 0–9 and a–f. Until then WalletConnect
            stays off. Empty the field and save to turn it off again.
          </>
        }
        schema={WalletConnectProjectId}
        empty={null}
        placeholder="32 hex characters"
      />
      <SettingTextRow
        setting="walletConnectRelayUrl"
        label="Relay"
        description="The public relay run for the WalletConnect network, or your own: wss:// anywhere, ws:// on this computer only."
        schema={WalletConnectRelayUrl}
        reset={{ label: 'Use the public relay', value: DEFAULT_WALLETCONNECT_RELAY }}
      />
      <SettingSwitchRow
        setting="walletConnectVerify"
        label="Check dApps with WalletConnect Verify"
        description="Each proposal and request is checked against the domain the dApp names, and against Verify’s list of scam sites. Verify then learns a fingerprint of each message it checks and your IP address, never its content. Off, every dApp shows as unverified."
      />
    </SettingsSection>
  );
}
