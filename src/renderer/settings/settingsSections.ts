import { routeHref } from '../routing/routes';

/**
 * The index of the Settings page, in page order: each entry's id is its link (`#/settings/<id>`) and its
 * title is the heading of the section it leads to. Sync's entry also covers the sections that follow its own
 * (refused blobs, folder, what syncs, another desktop), which exist only once sync has loaded.
 */
export const SETTINGS_SECTIONS = [
  { id: 'appearance', title: 'Appearance' },
  { id: 'preferences', title: 'Preferences' },
  { id: 'networks', title: 'Networks' },
  { id: 'prices', title: 'Prices' },
  { id: 'history-sources', title: 'History sources' },
  { id: 'walletconnect', title: 'WalletConnect' },
  { id: 'sync', title: 'Sync' },
  { id: 'secrets', title: 'Secrets' },
  { id: 'local-data', title: 'Local data' },
  { id: 'updates', title: 'Updates' },
  { id: 'about', title: 'About' },
] as const;

export type SettingsSectionEntry = (typeof SETTINGS_SECTIONS)[number];
export type SettingsSectionId = SettingsSectionEntry['id'];

/** The entry a location's section names; none for no section or one Settings does not have. */
export function findSettingsSection(id: string | undefined): SettingsSectionEntry | undefined {
  return SETTINGS_SECTIONS.find((entry) => entry.id === id);
}

export function settingsHref(id: SettingsSectionId): string {
  return routeHref('settings', id);
}
