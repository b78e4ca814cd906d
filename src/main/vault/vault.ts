import { randomBytes } from 'node:crypto';
import type { Keychain } from './keychain';
import { KEY_BYTES, open, seal } from './sealedBox';
import { VaultError } from './vaultError';
import { openHead, sealHead, type Manifest } from './vaultHead';
import type { VaultRepository } from './vaultRepository';
import { VersionAnchor } from './versionAnchor';

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

const rolledBack = (name: string) =>
  new VaultError(
    'vault_tampered',
    `The stored secret "${name}" is not the copy this wallet wrote last: an older copy was put back outside ` +
      'the app, so it was not used. Remove it and set it up again (for a phone, pair it again). Other secrets ' +
      'are not affected.',
  );
const HEAD_ROLLED_BACK =
  "The vault's list of secret versions is older than the last one this wallet wrote: the wallet's database " +
  'was put back from an older copy outside the app, so no stored secret can be trusted. Reset local data, ' +
  'then pair your phone and set up sync again.';

/**
 * Secrets at rest (pairing session keys, sync keys), sealed in SQLite under a random data key that lives only
 * in the OS keychain. There is no fallback: without the keychain the vault reports why and stores nothing.
 *
 * Key changes are ordered so that a crash at any point leaves every secret readable: a new key is recorded in
 * SQLite, then written to the keychain and read back, then all secrets move to it in one transaction, and
 * only then is the old key deleted from the keychain. Keys left behind by an interrupted change are deleted
 * the next time the vault starts.
 *
 * Rollback: every write takes the next value of a write counter as the secret's version, binds it into the
 * seal, and commits with it a head (vaultHead.ts) sealed under the data key that lists the version each
 * secret must have. A secret whose row does not carry its listed version is an older copy, or one put back
 * after it was removed, and is refused. The head itself could be put back whole from an older copy of the
 * file, with every row of that time; so its counter is also kept in the OS keychain (versionAnchor.ts),
 * which whoever can write the database cannot write, and an older head is refused. What that person can
 * still do is delete rows, which loses secrets but never hands out a stale one.
 */
export class Vault {
  private readonly keys = new Map<string, Uint8Array>();
  private readonly anchor: VersionAnchor;
  private pruned = false;
  /** Set when a listing showed that a keychain answers; cleared by any failed vault operation. */
  private keychainAnswered = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: VaultRepository,
    private readonly keychain: Keychain,
  ) {
    this.anchor = new VersionAnchor(keychain);
  }

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
      const { counter, versions } = await this.manifest();
      const version = counter + 1;
      const next = new Map(this.present(versions)).set(name, version);
      const sealed = seal(key, { secret: name, version }, secret);
      this.repository.write(sealHead(id, key, { counter: version, versions: next }), Date.now(), {
        name,
        keyId: id,
        version,
        ...sealed,
      });
      this.anchor.raise(version);
    });
  }

  /**
   * Resolves null when nothing is stored under the name; rejects with `vault_tampered` if the row was altered
   * or is an older copy than the one the vault wrote last.
   */
  get(name: string): Promise<Uint8Array | null> {
    return this.exclusive(async () => {
      if (!this.repository.get(name)) return null;
      const { versions } = await this.manifest();
      // Read after the head: the first head re-seals the secrets written before versions existed.
      const sealed = this.repository.get(name);
      if (!sealed) return null;
      if (versions.get(name) !== sealed.version) throw rolledBack(name);
      return open(await this.key(sealed.keyId), { secret: name, version: sealed.version }, sealed);
    });
  }

  /**
   * Needs no key, so a secret can be removed even while the keychain is locked. Striking it from the head
   * follows as soon as the key can be read, so that a copy of the row put back afterwards is refused.
   */
  delete(name: string): boolean {
    const removed = this.repository.delete(name);
    // Best effort: a head that still lists the name is brought up to date by the next write.
    if (removed) this.exclusive(() => this.strikeRemoved()).catch(() => undefined);
    return removed;
  }

  names(): string[] {
    return this.repository.names();
  }

  /** Moves every secret to a fresh data key and deletes the old one from the keychain. */
  rotateKey(): Promise<void> {
    return this.exclusive(async () => {
      await this.activeKey();
      const manifest = await this.manifest();
      for (const id of this.repository.keyIdsInUse()) await this.key(id);
      const next = await this.createKey();
      this.activate(next.id, manifest);
      await this.prune();
    });
  }

  /**
   * Resolves once the keychain holds the version of the last write (it follows writes in the background);
   * rejects with why it could not be recorded.
   */
  settled(): Promise<void> {
    return this.anchor.settled();
  }

  /** For "reset local data": forgets every secret and deletes the data keys from the keychain. */
  destroy(): Promise<void> {
    return this.exclusive(async () => {
      this.repository.retireAll();
      this.keys.clear();
      await this.prune();
      await this.anchor.forget();
    });
  }

  /** Runs vault operations one at a time, so a rotation never interleaves with a write. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation).catch((error: unknown) => {
      // A failed key change may have left a new key behind; look for it before the next key is used.
      this.pruned = false;
      this.keychainAnswered = false;
      throw error;
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Reading the data key is what every secret needs, so that is the check while secrets exist. Before that,
   * listing the service's entries shows that a keychain answers, without creating anything or prompting.
   * Either is learned once, as the data key is kept once read: each listing is a D-Bus connection on Linux,
   * and a keyring that drops answering shows in the next operation that needs it, which also clears this.
   */
  private async probe(): Promise<void> {
    const active = this.repository.activeKeyId();
    if (active && this.repository.count() > 0) await this.key(active);
    else if (!this.keychainAnswered) {
      await this.keychain.list();
      this.keychainAnswered = true;
    }
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
    // No key yet, or a lost one that protected nothing: start a new one. A head under the lost key listed
    // nothing that still exists, so a new one starts from the highest counter seen, with no entries.
    const next = await this.createKey();
    const counter = Math.max(await this.anchor.highest(), this.repository.head()?.counter ?? 0);
    this.activate(next.id, { counter, versions: new Map() });
    await this.prune();
    return next;
  }

  /** The head as this vault last wrote it: sealed by it, and not older than the counter in the keychain. */
  private async manifest(): Promise<Manifest> {
    const head = this.repository.head();
    const highest = await this.anchor.highest();
    if (!head) {
      // Only a deletion of every secret and the head at once looks like this, and it hands out nothing stale.
      if (highest > 0 && this.repository.count() === 0) return { counter: highest, versions: new Map() };
      if (highest > 0) throw new VaultError('vault_tampered', HEAD_ROLLED_BACK);
      return this.upgrade();
    }
    const manifest = openHead(await this.key(head.keyId), head);
    if (head.counter < highest) throw new VaultError('vault_tampered', HEAD_ROLLED_BACK);
    // Catches the keychain up after a crash between the database's commit and the keychain's write.
    this.anchor.raise(head.counter);
    return manifest;
  }

  /**
   * A vault from before versions (or a new one): re-seals every secret at one new version under the active
   * key and writes the first head, so no copy of a row from before can be put back either.
   */
  private async upgrade(): Promise<Manifest> {
    const names = this.repository.names();
    if (names.length === 0) return { counter: 0, versions: new Map() };
    const { id } = await this.activeKey();
    for (const keyId of this.repository.keyIdsInUse()) await this.key(keyId);
    const counter = this.repository.maxVersion() + 1;
    const manifest = { counter, versions: new Map(names.map((name) => [name, counter])) };
    this.activate(id, manifest, counter);
    this.anchor.raise(counter);
    return manifest;
  }

  /** Writes a head without the secrets that were deleted, at the next counter. */
  private async strikeRemoved(): Promise<void> {
    if (!this.repository.head()) return;
    const { id, key } = await this.activeKey();
    const { counter, versions } = await this.manifest();
    const present = this.present(versions);
    if (present.size === versions.size) return;
    this.repository.write(sealHead(id, key, { counter: counter + 1, versions: present }), Date.now());
    this.anchor.raise(counter + 1);
  }

  /** The entries of a head whose secrets still have rows. */
  private present(versions: ReadonlyMap<string, number>): Map<string, number> {
    const names = new Set(this.repository.names());
    return new Map([...versions].filter(([name]) => names.has(name)));
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

  /**
   * Re-seals every secret and the head under key `id` in one transaction, each secret at its own version or at
   * `version` when given; the keys in use must be loaded already.
   */
  private activate(id: string, manifest: Manifest, version?: number): void {
    const loaded = (keyId: string) => {
      const key = this.keys.get(keyId);
      if (!key) throw new VaultError('vault_key_missing', KEY_MISSING);
      return key;
    };
    const next = loaded(id);
    this.repository.rotate(
      id,
      (secret) => {
        const plaintext = open(
          loaded(secret.keyId),
          { secret: secret.name, version: secret.version },
          secret,
        );
        const to = version ?? secret.version;
        return { version: to, ...seal(next, { secret: secret.name, version: to }, plaintext) };
      },
      manifest.counter > 0 ? sealHead(id, next, manifest) : undefined,
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
