import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../../test/walletconnect/memoryStorage';
import { closableStorage } from './closableStorage';

describe('closableStorage', () => {
  it('passes everything through until closed, then drops writes and finds nothing', async () => {
    const inner = new MemoryStorage();
    const { storage, close } = closableStorage(inner);
    await storage.setItem('wc@2:core:0.3:pairing', [{ topic: 'a' }]);
    expect(await storage.getItem('wc@2:core:0.3:pairing')).toEqual([{ topic: 'a' }]);
    expect(await storage.getKeys()).toEqual(['wc@2:core:0.3:pairing']);
    close();
    await storage.setItem('wc@2:core:0.3:session', []);
    await storage.removeItem('wc@2:core:0.3:pairing');
    expect(await storage.getItem('wc@2:core:0.3:pairing')).toBeUndefined();
    expect(await storage.getEntries()).toEqual([]);
    expect(await inner.getKeys()).toEqual(['wc@2:core:0.3:pairing']);
  });
});
