import { calls } from '../../../src/shared/api/contract';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { DoubleWorld } from './world';
import { type FamilyHandlers, routerParse } from './handlers';

type SettingsChannel =
  | 'app.info'
  | 'settings.get'
  | 'settings.set'
  | 'data.location'
  | 'data.reset'
  | 'backup.export'
  | 'backup.import'
  | 'vault.status';

/** The app's own facts, its settings and its local data, as the test set them on the double. */
export function settingsCalls(double: DoubleWorld): FamilyHandlers<SettingsChannel> {
  return {
    'app.info': () => double.info,
    'settings.get': () => double.settings,
    // Like main's router: a value its setting's schema refuses (a feed over plain http elsewhere) never lands.
    'settings.set': (raw) => {
      const patch = routerParse('settings.set', calls['settings.set'].request, raw);
      double.pushSettings({ ...double.settings, ...patch });
      return double.settings;
    },
    'data.location': () => double.location,
    'data.reset': () => {
      // Like main, which empties the settings table and tells every window what is stored now.
      double.pushSettings({ ...DEFAULT_SETTINGS });
      return null;
    },
    'backup.export': () => double.backup,
    'backup.import': () => double.importSummary,
    'vault.status': () => double.vault,
  };
}
