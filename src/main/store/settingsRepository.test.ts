import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { SettingsRepository } from './settingsRepository';

describe('SettingsRepository', () => {
  const temp = useTempDatabase();

  it('stores JSON values per key with the time they were written', () => {
    new SettingsRepository(temp.db).writeMany({ theme: 'dark', activeChainId: 10 }, 7);
    const settings = new SettingsRepository(temp.reopen());
    expect(settings.readAll()).toEqual({ theme: 'dark', activeChainId: 10 });
    expect(settings.records()).toEqual([
      { key: 'activeChainId', value: 10, updatedAt: 7 },
      { key: 'theme', value: 'dark', updatedAt: 7 },
    ]);
  });

  it('merges the newer value and reports no change the second time', () => {
    const settings = new SettingsRepository(temp.db);
    settings.writeMany({ theme: 'dark' }, 10);
    expect(settings.merge({ key: 'theme', value: 'light', updatedAt: 5 })).toBe(false);
    expect(settings.merge({ key: 'theme', value: 'light', updatedAt: 20 })).toBe(true);
    expect(settings.merge({ key: 'theme', value: 'light', updatedAt: 20 })).toBe(false);
    expect(settings.readAll()).toEqual({ theme: 'light' });
  });
});
