import { describe, expect, it } from 'vitest';
import type { PairedDesktop } from '../shared/bridge/bridgeClient';
import { pairingStore, type StorageArea } from './pairingStore';

function memoryArea(): StorageArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) =>
      Object.entries(values).forEach(([key, value]) => items.set(key, structuredClone(value))),
    remove: async (key) => void items.delete(key),
  };
}

const desktop: PairedDesktop = {
  port: 47391,
  desktopKey: 'aa'.repeat(32),
  browserKey: 'bb'.repeat(32),
  browserId: 'cc'.repeat(16),
  resumePsk: 'dd'.repeat(32),
  desktopName: 'Ledgerline on studio',
};

describe('pairingStore', () => {
  it('keeps the pairing across worker restarts and forgets it on unpair', async () => {
    const area = memoryArea();
    await pairingStore(area).save(desktop);
    await expect(pairingStore(area).load()).resolves.toEqual(desktop);
    await pairingStore(area).save(null);
    await expect(pairingStore(area).load()).resolves.toBeNull();
    expect(area.items.size).toBe(0);
  });

  it('reads a stored value of the wrong shape as unpaired', async () => {
    const area = memoryArea();
    for (const broken of [{ ...desktop, resumePsk: 'not hex' }, { ...desktop, port: '1' }, 'x', null]) {
      area.items.set('pairedDesktop', broken);
      await expect(pairingStore(area).load()).resolves.toBeNull();
    }
  });
});
