import type { Ref } from 'react';
import { SETTINGS_SECTIONS, settingsHref, type SettingsSectionId } from './settingsSections';
import './SettingsIndex.css';

interface SettingsIndexProps {
  ref?: Ref<HTMLElement>;
  /** The section the reader is in, marked for sight and for screen readers. */
  current: SettingsSectionId | undefined;
  /** An entry was followed; its link changes the address, unless the address names it already. */
  onFollow(id: SettingsSectionId): void;
}

/** Links to each section of the Settings page, kept in reach while the page scrolls. */
export function SettingsIndex({ ref, current, onFollow }: SettingsIndexProps) {
  return (
    <nav ref={ref} className="settings-index" aria-label="Settings sections">
      <ul className="settings-index__list">
        {SETTINGS_SECTIONS.map(({ id, title }) => (
          <li key={id}>
            <a
              className="settings-index__link"
              href={settingsHref(id)}
              aria-current={id === current ? 'location' : undefined}
              onClick={() => onFollow(id)}
            >
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
