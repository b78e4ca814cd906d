import { Monitor, Moon, Sun } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ThemePreference } from '../../shared/settings';
import { ErrorNote } from '../controls/ErrorNote';
import { NetworkSelect } from '../controls/NetworkSelect';
import { SegmentedControl, type Segment } from '../controls/SegmentedControl';
import { useHashRoute } from '../routing/useHashRoute';
import { Page } from '../screens/Page';
import { useSettingField } from '../session/useSettingField';
import { useWallet } from '../session/WalletContext';
import { AboutSection } from './AboutSection';
import { HistorySourcesSection } from './HistorySourcesSection';
import { LocalDataSection } from './LocalDataSection';
import { NetworksSection } from './NetworksSection';
import { PricesSection } from './PricesSection';
import { scrollerOf } from './scrollerOf';
import { SecretsSection } from './SecretsSection';
import { SectionAnchors, SectionAnchorsProvider } from './SectionAnchors';
import { SettingRow } from './SettingRow';
import { SettingsIndex } from './SettingsIndex';
import { SettingsSection } from './SettingsSection';
import { findSettingsSection, type SettingsSectionId } from './settingsSections';
import { SyncSection } from './SyncSection';
import { UpdatesSection } from './UpdatesSection';
import { useSectionInView } from './useSectionInView';
import { WalletConnectSection } from './WalletConnectSection';
import './SettingsPage.css';

const THEMES: readonly Segment<ThemePreference>[] = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
];

/**
 * One scrolling page of sections with a sticky index beside (wide windows) or above them (narrow ones), so
 * the browser's find still reaches every setting. `#/settings/<section>` opens it at that section.
 */
export function SettingsPage() {
  const { info, chains } = useWallet();
  const theme = useSettingField('theme');
  const network = useSettingField('activeChainId');
  const location = useHashRoute();
  const asked = findSettingsSection(location.kind === 'route' ? location.section : undefined);
  const [anchors] = useState(() => new SectionAnchors());
  const index = useRef<HTMLElement>(null);
  const current = useSectionInView(anchors, asked?.id);

  // In narrow windows the strip of links wraps onto more rows as sections are added, so the height a heading
  // must land below is measured, not assumed: at once, before the effect below reveals a section, then on
  // every resize.
  useEffect(() => {
    const strip = index.current;
    const page = strip?.parentElement;
    if (!strip || !page) return;
    const measure = () => page.style.setProperty('--settings-index-height', `${strip.offsetHeight}px`);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(strip);
    return () => observer.disconnect();
  }, []);

  // After Page's own effect, which focuses the h1 on arrival: a section named by the address takes over from
  // it. No section, or one Settings does not have, is the page's start.
  useEffect(() => {
    if (asked) {
      anchors.reveal(asked.title);
      return;
    }
    anchors.forget();
    if (index.current) scrollerOf(index.current).scrollTop = 0;
  }, [anchors, asked]);

  // Following the entry the address already names changes nothing in it, so no effect would run again.
  const follow = (id: SettingsSectionId) => {
    if (asked?.id === id) anchors.reveal(asked.title);
  };

  return (
    <Page title="Settings" lede="Saved on this computer as soon as you change them." wide>
      <SectionAnchorsProvider value={anchors}>
        <div className="settings-page">
          <SettingsIndex ref={index} current={current} onFollow={follow} />
          <div className="settings-page__sections">
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

            <NetworksSection chains={chains} />
            <PricesSection />
            <HistorySourcesSection />
            <WalletConnectSection />
            <SyncSection />
            <SecretsSection />
            <LocalDataSection />
            <UpdatesSection />
            <AboutSection info={info} />
          </div>
        </div>
      </SectionAnchorsProvider>
    </Page>
  );
}
