import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SettingsPatch } from '../../shared/settings';
import { createEventHub } from '../api/events';
import { openDatabase } from '../store/database';
import { SettingsRepository } from '../store/settingsRepository';
import { SettingsService } from './settingsService';

describe('SettingsService', () => {
  let dir: string;
  let db: Database;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'settings-'));
    file = join(dir, 'wallet.sqlite');
    db = openDatabase(file);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function service(log = { warn: vi.fn() }) {
    const events = createEventHub();
    return { service: new SettingsService(new SettingsRepository(db), events, log), events, log };
  }

  it('starts from the defaults', () => {
    expect(service().service.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists a change across a reopen of the database file and announces it', () => {
    const { service: settings, events } = service();
    const seen = vi.fn();
    events.subscribe(seen);
    settings.set({ theme: 'dark', activeChainId: 42161 });
    expect(seen).toHaveBeenCalledWith('settings.changed', {
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      activeChainId: 42161,
    });
    db.close();
    db = openDatabase(file);
    expect(service().service.get()).toMatchObject({ theme: 'dark', activeChainId: 42161 });
  });

  it('refuses a chain the registry does not know, and stores nothing', () => {
    const { service: settings } = service();
    expect(() => settings.set({ activeChainId: 31337, theme: 'light' })).toThrow(
      /not a network this wallet knows/,
    );
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('enables only known networks, each once', () => {
    const { service: settings } = service();
    expect(settings.set({ enabledChainIds: [1, 8453] }).enabledChainIds).toEqual([1, 8453]);
    expect(() => settings.set({ enabledChainIds: [1, 31337] })).toThrow(/Chain 31337 is not a network/);
    expect(() => settings.set({ enabledChainIds: [1, 1] })).toThrow(/only once/);
    expect(settings.get().enabledChainIds).toEqual([1, 8453]);
  });

  it('shows the default for a stored value it cannot read, without deleting it', () => {
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"sepia\"', 0)").run();
    const { service: settings, log } = service();
    expect(settings.get().theme).toBe('system');
    expect(log.warn).toHaveBeenCalledWith('ignoring unreadable stored setting', { key: 'theme' });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get()).toBe('"sepia"');
  });

  it('reads settings stored before history explorers existed, with explorers off', () => {
    new SettingsRepository(db).writeMany({ theme: 'dark', fiatCurrency: 'EUR', activeChainId: 10 });
    expect(service().service.get()).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      fiatCurrency: 'EUR',
      activeChainId: 10,
      historyExplorers: false,
    });
  });
});

describe('SettingsPatch', () => {
  it('treats an undefined field as no change', () => {
    expect(SettingsPatch.parse({ theme: 'dark', fiatCurrency: undefined })).toEqual({ theme: 'dark' });
    expect(SettingsPatch.safeParse({ theme: undefined }).success).toBe(false);
  });
});
