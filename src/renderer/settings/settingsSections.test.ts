import { describe, expect, it } from 'vitest';
import { parseHash } from '../routing/useHashRoute';
import { SETTINGS_SECTIONS, findSettingsSection, settingsHref } from './settingsSections';

describe('settings sections', () => {
  it('links each entry to a location that names it again', () => {
    for (const entry of SETTINGS_SECTIONS) {
      const location = parseHash(settingsHref(entry.id));
      expect(location).toMatchObject({ kind: 'route', route: { id: 'settings' }, section: entry.id });
      expect(findSettingsSection(location.kind === 'route' ? location.section : undefined)).toBe(entry);
    }
  });

  it('gives each entry its own id and heading', () => {
    expect(new Set(SETTINGS_SECTIONS.map((entry) => entry.id)).size).toBe(SETTINGS_SECTIONS.length);
    expect(new Set(SETTINGS_SECTIONS.map((entry) => entry.title)).size).toBe(SETTINGS_SECTIONS.length);
  });

  it('finds nothing for no section or one Settings does not have', () => {
    expect(findSettingsSection(undefined)).toBeUndefined();
    expect(findSettingsSection('advanced')).toBeUndefined();
    expect(findSettingsSection('toString')).toBeUndefined();
  });
});
