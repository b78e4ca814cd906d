import type { ICore, IKeyChain } from '@walletconnect/types';
import { getInternalError } from '@walletconnect/utils';
import type { Logger } from '../../log';
import type { Vault } from '../../vault/vault';
import { VaultError } from '../../vault/vaultError';

/** The vault as this keychain uses it. */
export type KeyVault = Pick<Vault, 'status' | 'names' | 'get' | 'put' | 'delete'>;

/**
 * One vault secret per tag, not one for the whole map: a write seals and replaces only its own key, so a
 * failed or interrupted write can never take the other keys with it, and `del` removes exactly the secret of
 * a deleted pairing or session (the vault deletes even while the keychain is locked).
 */
const PREFIX = 'walletconnect.key.';
/** Tags are topics and public keys (64 hex) or the names Core gives its own keys (`client_ed25519_seed`). */
const TAG = /^[\w:.-]{1,150}$/;
/** Keys are hex or base64 text; a 32-byte key is 64 hex characters. */
const MAX_KEY_LENGTH = 512;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const needsVault = (code: VaultError['code'], reason: string, cause?: unknown) =>
  new VaultError(code, `WalletConnect needs the vault: ${reason}`, { cause });

/**
 * WalletConnect's keychain (IKeyChain) over the vault: every symmetric key of a pairing or session, every
 * X25519 private key and the relay identity's ed25519 seed is a vault secret, never a row of plaintext
 * storage. Pass it as `keychain` in Core's options. `init` reads every key back, so sessions survive a
 * restart; `has` and `get` are synchronous, as Core calls them, and answer from the map read then.
 *
 * The map changes at once and the vault follows in call order: writes go one at a time through `writes`,
 * because the vault's `delete` is immediate while its `put` waits its turn, and a `del` right after a `set`
 * of the same tag must not be overtaken by it.
 */
export class VaultKeyChain implements IKeyChain {
  readonly keychain = new Map<string, string>();
  readonly name = 'keychain';
  readonly context = 'walletconnect-vault-keychain';
  private initialized = false;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vault: KeyVault,
    private readonly log: Logger,
  ) {}

  /**
   * IKeyChain declares these for Core's built-in keychain; Core 2.25 neither sets nor reads them on one it
   * is given. Should a later version start to, it fails here by name instead of on an undefined.
   */
  get core(): ICore {
    throw new Error('VaultKeyChain has no `core`: it was not written for a Core that reads one.');
  }

  get logger(): IKeyChain['logger'] {
    throw new Error('VaultKeyChain has no `logger`: it was not written for a Core that reads one.');
  }

  async init(): Promise<void> {
    if (this.initialized) return;
    const status = await this.vault.status();
    if (status.state !== 'available') {
      throw needsVault(
        status.state === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
        status.message,
      );
    }
    const names = this.vault.names().filter((name) => name.startsWith(PREFIX));
    for (const name of names) {
      let secret: Uint8Array | null;
      try {
        secret = await this.vault.get(name);
      } catch (error) {
        if (error instanceof VaultError) throw needsVault(error.code, error.message, error);
        throw error;
      }
      if (secret) this.keychain.set(name.slice(PREFIX.length), decoder.decode(secret));
    }
    this.initialized = true;
    this.log.info('WalletConnect keys read from the vault', { count: this.keychain.size });
  }

  has(tag: string): boolean {
    this.checkInitialized();
    return this.keychain.has(tag);
  }

  get(tag: string): string {
    this.checkInitialized();
    const key = this.keychain.get(tag);
    // Core's own wording, which its callers expect.
    if (key === undefined)
      throw new Error(getInternalError('NO_MATCHING_KEY', `${this.name}: ${tag}`).message);
    return key;
  }

  set(tag: string, key: string): Promise<void> {
    this.checkInitialized();
    checkTag(tag);
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new Error(`A WalletConnect key must be 1 to ${MAX_KEY_LENGTH} characters of text.`);
    }
    this.keychain.set(tag, key);
    return this.serialized(tag, () => this.vault.put(PREFIX + tag, encoder.encode(key)));
  }

  del(tag: string): Promise<void> {
    this.checkInitialized();
    checkTag(tag);
    this.keychain.delete(tag);
    return this.serialized(tag, async () => void this.vault.delete(PREFIX + tag));
  }

  private serialized(tag: string, write: () => Promise<void>): Promise<void> {
    const result = this.writes.then(write).catch((error: unknown) => {
      this.log.error('WalletConnect could not write a key to the vault', {
        tag,
        error: error instanceof Error ? error.message : String(error),
      });
      if (error instanceof VaultError) throw needsVault(error.code, error.message, error);
      throw error;
    });
    this.writes = result.catch(() => undefined);
    return result;
  }

  private checkInitialized(): void {
    if (!this.initialized)
      throw new Error('The WalletConnect keychain was used before init() read the vault.');
  }
}

function checkTag(tag: string): void {
  if (typeof tag !== 'string' || !TAG.test(tag)) {
    throw new Error('A WalletConnect key tag must be 1 to 150 letters, digits or _ : . -');
  }
}
