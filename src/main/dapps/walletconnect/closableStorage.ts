import type { KeyValueStorage } from './walletConnectStore';

/**
 * WalletConnect's store, cut off when the wallet closes. The core closes the database right after asking
 * WalletConnect to stop, while WalletConnect may still be persisting something it started; after the cut
 * writes are dropped and reads find nothing, instead of failing on a closed database inside the library.
 */
export function closableStorage(storage: KeyValueStorage): { storage: KeyValueStorage; close(): void } {
  let open = true;
  const gated: KeyValueStorage = {
    getKeys: () => (open ? storage.getKeys() : Promise.resolve([])),
    getEntries: <T>() => (open ? storage.getEntries<T>() : Promise.resolve([])),
    getItem: <T>(key: string) => (open ? storage.getItem<T>(key) : Promise.resolve(undefined)),
    setItem: <T>(key: string, value: T) => (open ? storage.setItem(key, value) : Promise.resolve()),
    removeItem: (key: string) => (open ? storage.removeItem(key) : Promise.resolve()),
  };
  return {
    storage: gated,
    close() {
      open = false;
    },
  };
}
