import type { ICore } from '@walletconnect/types';

type KeyValueStorage = ICore['storage'];

/**
 * WalletConnect's key-value storage held in memory, for the dApp side of a test: its SignClient otherwise
 * writes a database file into the working directory. Values are copied in and out, as a real store would
 * serialise them, so a caller mutating what it stored or read changes nothing here.
 */
export class MemoryStorage implements KeyValueStorage {
  private readonly entries = new Map<string, unknown>();

  getKeys(): Promise<string[]> {
    return Promise.resolve([...this.entries.keys()]);
  }

  getEntries<T = unknown>(): Promise<[string, T][]> {
    return Promise.resolve([...this.entries].map(([key, value]) => [key, structuredClone(value) as T]));
  }

  getItem<T = unknown>(key: string): Promise<T | undefined> {
    return Promise.resolve(structuredClone(this.entries.get(key)) as T | undefined);
  }

  setItem<T = unknown>(key: string, value: T): Promise<void> {
    this.entries.set(key, structuredClone(value));
    return Promise.resolve();
  }

  removeItem(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }
}
