import { randomBytes } from 'node:crypto';
import { keyPairFrom, type KeyPair } from '../../shared/pairing/noise';
import { PairingError } from '../../shared/pairing/pairingError';
import type { Vault } from '../vault/vault';

const DESKTOP_KEY = 'pairing.desktopKey';
const PSK_LENGTH = 32;
const resumeKeyName = (fingerprint: string) => `pairing.resume.${fingerprint}`;

/** Which of a phone's two inboxes it knocked on: each has its own resume key. */
export type ResumeSlot = 'current' | 'previous';

/**
 * The secrets pairing keeps in the vault: the desktop's static key, which every paired phone pins, and each
 * phone's resume keys, one for its current inbox and one for the inbox before it.
 */
export class PairingKeys {
  private desktop: KeyPair | null = null;

  constructor(private readonly vault: Pick<Vault, 'get' | 'put' | 'delete'>) {}

  async desktopKey(): Promise<KeyPair> {
    if (this.desktop) return this.desktop;
    let secret = await this.vault.get(DESKTOP_KEY);
    if (!secret) {
      secret = randomBytes(32);
      await this.vault.put(DESKTOP_KEY, secret);
    }
    this.desktop = keyPairFrom(new Uint8Array(secret));
    return this.desktop;
  }

  async resumeKey(fingerprint: string, slot: ResumeSlot): Promise<Uint8Array> {
    const stored = await this.vault.get(resumeKeyName(fingerprint));
    if (!stored || stored.length !== 2 * PSK_LENGTH)
      throw new PairingError('unknown_phone', 'The phone’s resume key is missing.');
    return slot === 'current' ? stored.slice(0, PSK_LENGTH) : stored.slice(PSK_LENGTH);
  }

  /**
   * `next` opens the phone's next resume; `previous` stays valid for a phone that never got the answer that
   * carried `next`. A phone that just paired has no previous inbox, hence zeros.
   */
  saveResumeKeys(
    fingerprint: string,
    next: Uint8Array,
    previous: Uint8Array = new Uint8Array(PSK_LENGTH),
  ): Promise<void> {
    const both = new Uint8Array(2 * PSK_LENGTH);
    both.set(next);
    both.set(previous, PSK_LENGTH);
    return this.vault.put(resumeKeyName(fingerprint), both);
  }

  forgetResumeKeys(fingerprint: string): void {
    this.vault.delete(resumeKeyName(fingerprint));
  }
}
