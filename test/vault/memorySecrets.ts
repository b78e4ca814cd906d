import type { SecretStore } from '../../src/main/chains/rpcEndpoints';

/** An in-memory stand-in for the vault, which has its own tests against the real keychain. */
export function memorySecrets(): SecretStore & { reads: number } {
  const map = new Map<string, Uint8Array>();
  const store = {
    reads: 0,
    names: () => [...map.keys()],
    get: async (name: string) => {
      store.reads++;
      return map.get(name) ?? null;
    },
    put: async (name: string, secret: Uint8Array) => void map.set(name, secret),
    delete: (name: string) => map.delete(name),
  };
  return store;
}
