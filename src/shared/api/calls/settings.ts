import { Settings, SettingsPatch } from '../../settings';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

export const settingsCalls = {
  'settings.get': { request: NoRequest, response: Settings },
  'settings.set': { request: SettingsPatch, response: Settings },
} as const satisfies CallFamily;

export const settingsEvents = {
  'settings.changed': Settings,
} as const satisfies EventFamily;
