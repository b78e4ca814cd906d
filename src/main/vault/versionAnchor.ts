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
 * The database commits first and the keychain follows, so the keychain is only ever behind, never ahead
 * (ahead would refuse the wallet's own newest state). It follows in the background, one write at a time:
 * a burst of secret writes costs one keychain write per round trip rather than one each, and a secret write
 * never waits on the keychain. While it catches up (a round trip, or for good if the app stops first), a copy
 * of the file taken after the last write it recorded could still be put back once.
 */
export class VersionAnchor {
  private seen = 0;
  private stored: number | undefined;
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly keychain: Keychain) {}

  /** The highest counter seen here or recorded in the keychain; 0 before the vault has written a head. */
  async highest(): Promise<number> {
    return Math.max(this.seen, await this.load());
  }

  /** Ratchets up, in memory at once and in the keychain soon after; never down. */
  raise(counter: number): void {
    this.seen = Math.max(this.seen, counter);
    this.writing ??= this.catchUp();
  }

  /** Resolves once the keychain holds the highest counter seen; rejects with why the last write failed. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure !== null) throw this.failure;
  }

  /** For a reset: the vault starts counting again with its next key. */
  async forget(): Promise<void> {
    // A write still on its way would otherwise land after the delete and refuse the new vault's first head.
    while (this.writing) await this.writing;
    await this.keychain.delete(ACCOUNT);
    this.seen = 0;
    this.stored = 0;
    this.failure = null;
  }

  private async catchUp(): Promise<void> {
    try {
      while (this.seen > (await this.load())) {
        const target = this.seen;
        await this.keychain.set(ACCOUNT, String(target));
        this.stored = target;
      }
      this.failure = null;
    } catch (error) {
      // The next raise tries again; until then the keychain is behind, which refuses nothing of ours.
      this.failure = error;
    } finally {
      // Cleared with no await after the last check, so a raise can never land between the two unwritten.
      this.writing = null;
    }
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
