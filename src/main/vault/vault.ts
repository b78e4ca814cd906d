import { randomBytes } from 'node:crypto';
import type { Keychain } from './keychain';
import { KEY_BYTES, open, seal } from './sealedBox';
import { VaultError } from './vaultError';
import type { VaultRepository } from './vaultRepository';

export type VaultState = 'available' | 'locked' | 'unavailable';

/** What the Settings page shows about the vault. */
export interface VaultStatus {
  backend: string;
  state: VaultState;
  message: string;
}

const KEY_MISSING =
  "The key that protects this wallet's stored secrets (pairing and sync keys) is missing from the keychain, " +
  'so they cannot be read. Pair your phone and set up sync again, or reset local data.';

const keyAccount = (id: string) => `data-key:${id}`;

/**
 * Secrets at rest (pairing session keys, sync keys), sealed in SQLite under a random data key that lives only
 * in the OS keychain. There is no fallback: without the keychain the vault reports why and stores nothing.
 *
 * Key changes are ordered so that a crash at any point leaves every secret readable: a new key is recorded in
 * SQLite, then written to the keychain and read back, then all secrets move to it in one transaction, and
 * only then is the old key deleted from the keychain. Keys left behind by an interrupted change are deleted
 * the next time the vault starts.
 */
export class Vault {
  private readonly keys = new Map<string, Uint8Array>();
  private pruned = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: VaultRepository,
    private readonly keychain: Keychain,
  ) {}

  async status(): Promise<VaultStatus> {
    const { backend } = this.keychain;
    try {
      await this.exclusive(() => this.probe());
      return {
        backend,
        state: 'available',
        message: `Secrets are encrypted with a key kept in the ${backend}.`,
      };
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      return {
        backend,
        state: error.code === 'keychain_locked' ? 'locked' : 'unavailable',
        message: error.message,
      };
    }
  }

  put(name: string, secret: Uint8Array): Promise<void> {
    return this.exclusive(async () => {
      const { id, key } = await this.activeKey();
      this.repository.put(name, id, seal(key, name, secret), Date.now());
    });
  }

  /** Resolves null when nothing is stored under the name; rejects with `vault_tampered` if the row was altered. */
  get(name: string): Promise<Uint8Array | null> {
    return this.exclusive(async () => {
      const sealed = this.repository.get(name);
      if (!sealed) return null;
      return open(await this.key(sealed.keyId), name, sealed);
    });
  }

  /** Needs no key, so a secret can be removed even while the keychain is locked. */
  delete(name: string): boolean {
    return this.repository.delete(name);
  }

  names(): string[] {
    return this.repository.names();
  }

  /** Moves every secret to a fresh data key and deletes the old one from the keychain. */
  rotateKey(): Promise<void> {
    return this.exclusive(async () => {
      await this.activeKey();
      for (const id of this.repository.keyIdsInUse()) await this.key(id);
      const next = await this.createKey();
      this.activate(next.id);
      await this.prune();
    });
  }

  /** For "reset local data": forgets every secret and deletes the data keys from the keychain. */
  destroy(): Promise<void> {
    return this.exclusive(async () => {
      this.repository.retireAll();
      this.keys.clear();
      await this.prune();
    });
  }

  /** Runs vault operations one at a time, so a rotation never interleaves with a write. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation).catch((error: unknown) => {
      // A failed key change may have left a new key behind; look for it before the next key is used.
      this.pruned = false;
      throw error;
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Reading the data key is what every secret needs, so that is the check while secrets exist. Before that,
   * listing the service's entries shows that a keychain answers, without creating anything or prompting.
   */
  private async probe(): Promise<void> {
    const active = this.repository.activeKeyId();
    if (active && this.repository.count() > 0) await this.key(active);
    else await this.keychain.list();
  }

  private async activeKey(): Promise<{ id: string; key: Uint8Array }> {
    if (!this.pruned) {
      await this.prune();
      this.pruned = true;
    }
    const active = this.repository.activeKeyId();
    if (active) {
      const key = await this.loadKey(active);
      if (key) return { id: active, key };
      if (this.repository.count() > 0) throw new VaultError('vault_key_missing', KEY_MISSING);
    }
    // No key yet, or a lost one that protected nothing: start a new one.
    const next = await this.createKey();
    this.activate(next.id);
    await this.prune();
    return next;
  }

  private async key(id: string): Promise<Uint8Array> {
    const key = await this.loadKey(id);
    if (!key) throw new VaultError('vault_key_missing', KEY_MISSING);
    return key;
  }

  private async loadKey(id: string): Promise<Uint8Array | undefined> {
    const cached = this.keys.get(id);
    if (cached) return cached;
    const stored = await this.keychain.get(keyAccount(id));
    const key = stored === null ? undefined : new Uint8Array(Buffer.from(stored, 'base64'));
    if (key?.length !== KEY_BYTES) return undefined;
    this.keys.set(id, key);
    return key;
  }

  private async createKey(): Promise<{ id: string; key: Uint8Array }> {
    const id = randomBytes(16).toString('hex');
    const key = new Uint8Array(randomBytes(KEY_BYTES));
    const encoded = Buffer.from(key).toString('base64');
    // Recorded before it exists in the keychain, so a crash in between leaves a row that prune cleans up,
    // never a keychain entry nothing knows about.
    this.repository.addKey(id, Date.now());
    await this.keychain.set(keyAccount(id), encoded);
    if ((await this.keychain.get(keyAccount(id))) !== encoded) {
      throw new VaultError(
        'keychain_unavailable',
        'The keychain did not keep the new data key. Nothing was changed.',
      );
    }
    this.keys.set(id, key);
    return { id, key };
  }

  /** Re-seals every secret under key `id` in one transaction; the keys in use must be loaded already. */
  private activate(id: string): void {
    const loaded = (keyId: string) => {
      const key = this.keys.get(keyId);
      if (!key) throw new VaultError('vault_key_missing', KEY_MISSING);
      return key;
    };
    const next = loaded(id);
    this.repository.rotate(
      id,
      (secret) => seal(next, secret.name, open(loaded(secret.keyId), secret.name, secret)),
      Date.now(),
    );
  }

  /** Deletes keys no secret uses, from the keychain first and then from SQLite, so a retry finds them again. */
  private async prune(): Promise<void> {
    for (const id of this.repository.unusedKeyIds()) {
      await this.keychain.delete(keyAccount(id));
      this.repository.deleteKey(id);
      this.keys.delete(id);
    }
  }
}
