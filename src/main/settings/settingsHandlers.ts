import type { settingsCalls } from '../../shared/api/calls/settings';
import type { FamilyHandlers } from '../api/router';
import type { SettingsService } from './settingsService';

export function settingsHandlers(settings: SettingsService): FamilyHandlers<typeof settingsCalls> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };
}
