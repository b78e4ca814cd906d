import type { Vault } from '../../src/main/vault/vault';

/**
 * A vault that is always open and keeps its secrets in memory, for code that asks the vault's status before
 * it reads (WalletConnect's keychain). The vault itself has its own tests against the real keychain.
 */
export function memoryVault(): Pick<Vault, 'status' | 'names' | 'get' | 'put' | 'delete'> {
  const secrets = new Map<string, Uint8Array>();
  return {
    status: async () => ({ backend: 'memory', state: 'available', message: '' }),
    names: () => [...secrets.keys()],
    get: async (name) => secrets.get(name) ?? null,
    put: async (name, secret) => void secrets.set(name, secret),
    delete: (name) => secrets.delete(name),
  };
}
