import { derivePhoneKey, type PhoneSignature, signDigest } from './phoneKeys';

/**
 * No signature for this long drops the key. A request lives 5 minutes by default (docs/PROTOCOL.md section
 * 12.1), so a run of related signatures (a Safe co-signature and its execution, a few sends) reuses one
 * derivation, while a phone left unlocked on a table holds the key no longer than a request could wait.
 */
export const SIGNING_KEY_IDLE_MS = 5 * 60_000;
/** A page hidden this long drops the key: long enough to switch apps and back, short next to the idle drop. */
export const SIGNING_KEY_HIDDEN_MS = 2 * 60_000;

/** Whether the page is on screen; the client layer adapts `document`, so this module stays DOM-free. */
export interface PageVisibility {
  hidden(): boolean;
  /** Calls `listener` whenever the page is shown or hidden; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** Runs `run` once after `ms`; the returned function cancels it. */
function schedule(run: () => void, ms: number): () => void {
  const timer: unknown = setTimeout(run, ms);
  // In Node (the headless phone in tests, the relay bench) a pending drop must not keep the process alive.
  if (typeof timer === 'object' && timer !== null && 'unref' in timer && typeof timer.unref === 'function')
    timer.unref();
  return () => clearTimeout(timer as Parameters<typeof clearTimeout>[0]);
}

interface HeldKey {
  mnemonic: string;
  privateKey: Uint8Array;
  usedAt: number;
}

/**
 * The phone account's private key, derived once and kept while the companion is unlocked, so a signature
 * costs an ECDSA signing and not a PBKDF2 run. The key is zero-filled and forgotten when the vault locks
 * (`lock()`, which is final), after SIGNING_KEY_IDLE_MS without a signature, once the page has been hidden
 * for SIGNING_KEY_HIDDEN_MS, and when the phrase changes; the next signature derives it again.
 */
export class PhoneSigningKey {
  private held: HeldKey | null = null;
  /** Since when the key has been held in a hidden page; null while the page is shown. */
  private hiddenSince: number | null = null;
  private cancelIdleDrop: (() => void) | null = null;
  private cancelHiddenDrop: (() => void) | null = null;
  private locked = false;
  private readonly unwatch: () => void;

  /** Without `visibility` (Node: the headless phone, the bench) the page counts as always shown. */
  constructor(private readonly visibility: PageVisibility | null = null) {
    this.unwatch = visibility?.onChange(() => this.visibilityChanged()) ?? (() => undefined);
  }

  /** Signs a 32-byte digest with the key of `mnemonic`, deriving it first if it is not held. */
  sign(mnemonic: string, digest: string): PhoneSignature {
    if (this.locked) throw new Error('The companion is locked; unlock it to sign.');
    if (this.outlived()) this.drop();
    const held = this.keyFor(mnemonic);
    held.usedAt = Date.now();
    this.cancelIdleDrop?.();
    this.cancelIdleDrop = schedule(() => this.drop(), SIGNING_KEY_IDLE_MS);
    return signDigest(held.privateKey, digest);
  }

  /** The vault locked: drops the key for good and stops watching the page. */
  lock(): void {
    this.locked = true;
    this.drop();
    this.unwatch();
  }

  private keyFor(mnemonic: string): HeldKey {
    if (this.held?.mnemonic === mnemonic) return this.held;
    this.drop();
    const held = { mnemonic, privateKey: derivePhoneKey(mnemonic), usedAt: Date.now() };
    this.held = held;
    // A key derived while the page is already hidden gets the same short life as one held when it hid.
    this.visibilityChanged();
    return held;
  }

  /**
   * Browsers run a hidden page's timers late, and a frozen page's not at all until it thaws, so the clock
   * decides too: a key past its idle or hidden time is never used, whether or not its timer has fired.
   */
  private outlived(): boolean {
    if (!this.held) return false;
    const now = Date.now();
    const hiddenFor = this.hiddenSince === null ? 0 : now - this.hiddenSince;
    return now - this.held.usedAt >= SIGNING_KEY_IDLE_MS || hiddenFor >= SIGNING_KEY_HIDDEN_MS;
  }

  private drop(): void {
    this.cancelIdleDrop?.();
    this.cancelHiddenDrop?.();
    this.cancelIdleDrop = null;
    this.cancelHiddenDrop = null;
    this.hiddenSince = null;
    this.held?.privateKey.fill(0);
    this.held = null;
  }

  private visibilityChanged(): void {
    if (this.visibility?.hidden()) {
      if (!this.held || this.hiddenSince !== null) return;
      this.hiddenSince = Date.now();
      this.cancelHiddenDrop = schedule(() => this.drop(), SIGNING_KEY_HIDDEN_MS);
    } else if (this.outlived()) {
      this.drop();
    } else {
      this.cancelHiddenDrop?.();
      this.cancelHiddenDrop = null;
      this.hiddenSince = null;
    }
  }
}
