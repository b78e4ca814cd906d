import type { Keychain } from './keychain';
import { VaultError } from './vaultError';

const ACCOUNT = 'vault-version';

/**
 * The highest write counter the vault has seen, kept in the OS keychain beside the data keys and in memory.
 *
 * Why the keychain: someone who can write the database file (another program of the user's, a restored
 * backup, a synced folder) can put back any older copy of it, every row at once, including a counter kept
 * there. They cannot write the keychain, and they cannot seal a head with a higher counter without the data
 * key. So a head whose counter is below this one is an older copy, and is refused.
 *
 * The database commits first and the keychain follows, so a crash between them leaves the keychain one write
 * behind, never ahead (ahead would refuse the wallet's own newest state). In that window, and only then, the
 * state from just before the last write could still be put back once.
 */
export class VersionAnchor {
  private seen = 0;
  private stored: number | undefined;

  constructor(private readonly keychain: Keychain) {}

  /** The highest counter seen here or recorded in the keychain; 0 before the vault has written a head. */
  async highest(): Promise<number> {
    return Math.max(this.seen, await this.load());
  }

  /** Ratchets up, in memory at once and then in the keychain; never down. */
  async raise(counter: number): Promise<void> {
    this.seen = Math.max(this.seen, counter);
    if (counter <= (await this.load())) return;
    await this.keychain.set(ACCOUNT, String(counter));
    this.stored = counter;
  }

  /** For a reset: the vault starts counting again with its next key. */
  async forget(): Promise<void> {
    await this.keychain.delete(ACCOUNT);
    this.seen = 0;
    this.stored = 0;
  }

  private async load(): Promise<number> {
    if (this.stored === undefined) {
      const text = await this.keychain.get(ACCOUNT);
      const value = text === null ? 0 : Number(text);
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new VaultError(
          'keychain_unavailable',
          `The keychain entry "${ACCOUNT}" does not hold a version number, so the wallet cannot check its ` +
            'stored secrets are current. Remove the entry in your keychain app, then restart the wallet.',
        );
      }
      this.stored = value;
    }
    return this.stored;
  }
}
