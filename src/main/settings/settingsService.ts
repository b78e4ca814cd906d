import { ApiError } from '../../shared/api/envelope';
import { findChain } from '../../shared/chains/registry';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../shared/settings';
import type { EventHub } from '../api/events';
import type { SettingsRepository } from '../store/settingsRepository';

export interface SettingsLog {
  warn(message: string, fields: Record<string, unknown>): void;
}

export class SettingsService {
  constructor(
    private readonly repository: SettingsRepository,
    private readonly events: EventHub,
    private readonly log: SettingsLog,
    /** Whether a chain id names a network the wallet knows, built-in or added by the user. */
    private readonly knownChain: (chainId: number) => boolean = (chainId) => findChain(chainId) !== undefined,
  ) {}

  get(): Settings {
    const stored = this.repository.readAll();
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in stored)) continue;
      const field = Settings.shape[key].safeParse(stored[key]);
      // A value this version cannot read (written by a newer build, or damaged) falls back to the default
      // for display, but stays on disk untouched until the user changes that setting.
      if (field.success) settings[key] = field.data;
      else this.log.warn('ignoring unreadable stored setting', { key });
    }
    return Settings.parse(settings);
  }

  set(patch: SettingsPatch): Settings {
    const named = [patch.activeChainId, ...(patch.enabledChainIds ?? [])].filter((id) => id !== undefined);
    const unknown = named.find((id) => !this.knownChain(id));
    if (unknown !== undefined) {
      throw new ApiError('invalid_request', `Chain ${unknown} is not a network this wallet knows.`);
    }
    if (patch.enabledChainIds && new Set(patch.enabledChainIds).size !== patch.enabledChainIds.length) {
      throw new ApiError('invalid_request', 'Each network can be enabled only once.');
    }
    this.repository.writeMany(patch);
    const settings = this.get();
    this.events.emit('settings.changed', settings);
    return settings;
  }
}
