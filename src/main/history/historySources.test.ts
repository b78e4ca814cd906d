import { describe, expect, it, vi } from 'vitest';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { createEventHub } from '../api/events';
import { HistorySources } from './historySources';

const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567';

function setup(stored: Partial<Settings> = {}) {
  const secrets = memorySecrets();
  const events = createEventHub();
  let settings: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const onChange = vi.fn();
  const fetch = vi.fn<typeof globalThis.fetch>();
  const sources = new HistorySources({ secrets, settings: { get: () => settings }, events, fetch, onChange });
  const change = (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch };
    events.emit('settings.changed', settings);
  };
  return { sources, secrets, onChange, fetch, change };
}

describe('HistorySources', () => {
  it('keeps the key in the vault, and says only whether it is set', async () => {
    const { sources, secrets } = setup();
    await sources.setEtherscanKey(KEY);
    expect(secrets.names()).toEqual(['etherscan-api-key']);
    expect(new TextDecoder().decode((await secrets.get('etherscan-api-key')) ?? undefined)).toBe(KEY);
    expect(sources.view()).toEqual({ explorers: false, etherscanKey: true });
    expect(JSON.stringify(sources.view())).not.toContain(KEY);
    await sources.setEtherscanKey(null);
    expect(secrets.names()).toEqual([]);
    expect(sources.view()).toEqual({ explorers: false, etherscanKey: false });
  });

  it('hands the key to the provider choice only while explorers are allowed', async () => {
    const { sources, secrets, fetch, change } = setup();
    await sources.setEtherscanKey(KEY);
    secrets.reads = 0;
    expect(await sources.choice()).toEqual({ explorers: false, etherscanKey: undefined, fetch });
    expect(secrets.reads).toBe(0);
    change({ historyExplorers: true });
    expect(await sources.choice()).toEqual({ explorers: true, etherscanKey: KEY, fetch });
  });

  it('asks for a new choice when the key or the explorers setting changes, not for other settings', async () => {
    const { sources, onChange, change } = setup();
    change({ theme: 'dark' });
    expect(onChange).not.toHaveBeenCalled();
    change({ historyExplorers: true });
    change({ theme: 'light' });
    expect(onChange).toHaveBeenCalledTimes(1);
    await sources.setEtherscanKey(KEY);
    await sources.setEtherscanKey(null);
    expect(onChange).toHaveBeenCalledTimes(3);
  });
});
