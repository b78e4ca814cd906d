import { Monitor, Moon, Sun } from 'lucide-react';
import type { ThemePreference } from '../../shared/settings';
import { ErrorNote } from '../controls/ErrorNote';
import { NetworkSelect } from '../controls/NetworkSelect';
import { SegmentedControl, type Segment } from '../controls/SegmentedControl';
import { Page } from '../screens/Page';
import { useSettingField } from '../session/useSettingField';
import { useWallet } from '../session/WalletContext';
import { AboutSection } from './AboutSection';
import { HistorySourcesSection } from './HistorySourcesSection';
import { LocalDataSection } from './LocalDataSection';
import { NetworksSection } from './NetworksSection';
import { SecretsSection } from './SecretsSection';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';
import { SyncSection } from './SyncSection';

const THEMES: readonly Segment<ThemePreference>[] = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
];

export function SettingsPage() {
  const { info, chains } = useWallet();
  const theme = useSettingField('theme');
  const network = useSettingField('activeChainId');

  return (
    <Page title="Settings" lede="Saved on this computer as soon as you change them.">
      <SettingsSection title="Appearance">
        <SettingRow
          label="Theme"
          description="System follows your operating system’s light or dark mode."
          note={theme.error && <ErrorNote outcome="Not saved" message={theme.error} />}
        >
          {({ labelId, descriptionId }) => (
            <SegmentedControl
              name="theme"
              labelledBy={labelId}
              describedBy={descriptionId}
              segments={THEMES}
              value={theme.value}
              onChange={theme.change}
            />
          )}
        </SettingRow>
      </SettingsSection>

      {/* No Currency here until a price source values balances (the portfolio issue); the stored
          fiatCurrency stays as it is, for that control to come back. */}
      <SettingsSection title="Preferences">
        <SettingRow
          label="Default network"
          description="The network the top bar starts on. Changing either one changes both."
          note={network.error && <ErrorNote outcome="Not saved" message={network.error} />}
        >
          {({ labelId, descriptionId }) => (
            <NetworkSelect
              aria-labelledby={labelId}
              aria-describedby={descriptionId}
              aria-busy={network.saving}
              value={network.value}
              onChange={network.change}
              enableMore="none"
            />
          )}
        </SettingRow>
      </SettingsSection>

      <SyncSection />

      <HistorySourcesSection />
      <SecretsSection />
      <LocalDataSection />
      <NetworksSection chains={chains} />
      <AboutSection info={info} />
    </Page>
  );
}
