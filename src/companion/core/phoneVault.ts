import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { PhoneState } from './phoneState';

const STORE = 'vault';
const RECORD_KEY = 'phone';
const DEFAULT_DATABASE = 'ledgerline-companion';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
/** Wrong PINs allowed before the phone makes the user wait; a typo or two must never lock anyone out. */
export const FREE_ATTEMPTS = 10;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;
// Binds the ciphertext to what it is, so a record from another purpose cannot be swapped in.
const AAD = utf8ToBytes('ledgerline/1 phone vault');

export interface PhoneVaultOptions {
  /** Defaults to the browser's `indexedDB`; tests pass fake-indexeddb. */
  indexedDB?: IDBFactory;
  databaseName?: string;
  now?: () => number;
}

export type VaultErrorCode = 'invalid_pin' | 'no_vault' | 'vault_exists' | 'damaged' | 'locked';

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

/** The PIN was wrong, or too many were and the user must wait until `retryAt` (unix ms). */
export class VaultLockedError extends Error {
  constructor(
    message: string,
    readonly retryAt: number | null,
    /** Wrong PINs left before a wait is imposed; 0 once waits apply. */
    readonly attemptsLeft: number,
  ) {
    super(message);
    this.name = 'VaultLockedError';
  }
}

const Bytes = z.instanceof(Uint8Array);
const VaultRecord = z.strictObject({
  format: z.literal(1),
  // Bounded so that a doctored record cannot make the phone attempt gigabytes of scrypt memory.
  kdf: z.strictObject({
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: Bytes,
  }),
  /** Tells a wrong PIN from a damaged ciphertext; it reveals nothing the ciphertext's tag does not. */
  pinCheck: Bytes,
  nonce: Bytes,
  ciphertext: Bytes,
  failedAttempts: z.number().int().nonnegative(),
  retryAt: z.number().int().nonnegative(),
});
type VaultRecord = z.infer<typeof VaultRecord>;

interface Keys {
  encryption: Uint8Array;
  pinCheck: Uint8Array;
}

const damaged = () =>
  new VaultError(
    'damaged',
    'The keys saved on this phone are damaged and cannot be read. Restore them from your recovery phrase.',
  );

function checkPinFormat(pin: string): void {
  if (!/^\d{6,64}$/.test(pin)) throw new VaultError('invalid_pin', 'The PIN must be at least 6 digits.');
}

async function deriveKeys(pin: string, kdf: VaultRecord['kdf']): Promise<Keys> {
  const master = await scryptAsync(pin, kdf.salt, { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: 32 });
  const keys = {
    encryption: hmac(sha256, master, utf8ToBytes('ledgerline/1 vault key')),
    pinCheck: hmac(sha256, master, utf8ToBytes('ledgerline/1 pin check')).subarray(0, 16),
  };
  master.fill(0);
  return keys;
}

function waitAfter(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}

function tooMany(retryAt: number, now: number): VaultLockedError {
  return new VaultLockedError(
    `Too many wrong PINs. Try again in ${describeWait(retryAt - now)}.`,
    retryAt,
    0,
  );
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
  });
}

/**
 * Reads the record and lets `step` write in the same transaction, so a read-modify-write (the wrong-PIN
 * counter, a save) cannot interleave with another tab's. `step` runs synchronously; if it throws, nothing
 * is written.
 */
async function withRecord<T>(
  options: Required<PhoneVaultOptions>,
  mode: IDBTransactionMode,
  step: (current: unknown, store: IDBObjectStore) => T,
): Promise<T> {
  const db = await openDatabase(options.indexedDB, options.databaseName);
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const store = transaction.objectStore(STORE);
      let outcome: { value: T } | undefined;
      const read = store.get(RECORD_KEY);
      read.onsuccess = () => {
        try {
          outcome = { value: step(read.result, store) };
        } catch (error) {
          reject(error);
          transaction.abort();
        }
      };
      transaction.oncomplete = () =>
        outcome ? resolve(outcome.value) : reject(new Error('Nothing was read.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('The vault write was cancelled.'));
    });
  } finally {
    db.close();
  }
}

function parseRecord(current: unknown): VaultRecord {
  if (current === undefined) {
    throw new VaultError('no_vault', 'There are no keys on this phone yet.');
  }
  const parsed = VaultRecord.safeParse(current);
  if (!parsed.success) throw damaged();
  return parsed.data;
}

function resolveOptions(options: PhoneVaultOptions): Required<PhoneVaultOptions> {
  return {
    indexedDB: options.indexedDB ?? globalThis.indexedDB,
    databaseName: options.databaseName ?? DEFAULT_DATABASE,
    now: options.now ?? Date.now,
  };
}

/**
 * The phone's secrets (the mnemonic and the pairing keys), encrypted at rest under a key derived from the
 * user's PIN. An unlocked vault holds the derived key in memory so saving needs no PIN.
 */
export class PhoneVault {
  private readonly lockListeners = new Set<() => void>();

  private constructor(
    private readonly options: Required<PhoneVaultOptions>,
    private readonly kdf: VaultRecord['kdf'],
    private keys: Keys | null,
    private current: PhoneState | null,
  ) {}

  static async exists(options: PhoneVaultOptions = {}): Promise<boolean> {
    return withRecord(resolveOptions(options), 'readonly', (current) => current !== undefined);
  }

  /** Refuses to replace existing keys: a phone's only copy of a mnemonic must never be overwritten by accident. */
  static async create(pin: string, state: PhoneState, options: PhoneVaultOptions = {}): Promise<PhoneVault> {
    checkPinFormat(pin);
    const resolved = resolveOptions(options);
    const valid = PhoneState.parse(state);
    const kdf = { ...SCRYPT, salt: randomBytes(16) };
    const keys = await deriveKeys(pin, kdf);
    const record = {
      format: 1,
      kdf,
      pinCheck: keys.pinCheck,
      ...seal(keys, valid),
      failedAttempts: 0,
      retryAt: 0,
    };
    await withRecord(resolved, 'readwrite', (current, store) => {
      if (current !== undefined) {
        throw new VaultError(
          'vault_exists',
          'This phone already has keys; remove them before creating new ones.',
        );
      }
      store.put(record, RECORD_KEY);
    });
    return new PhoneVault(resolved, kdf, keys, valid);
  }

  static async unlock(pin: string, options: PhoneVaultOptions = {}): Promise<PhoneVault> {
    checkPinFormat(pin);
    const resolved = resolveOptions(options);
    const record = await withRecord(resolved, 'readonly', parseRecord);
    if (record.retryAt > resolved.now()) throw tooMany(record.retryAt, resolved.now());

    const keys = await deriveKeys(pin, record.kdf);
    if (!equalBytes(keys.pinCheck, record.pinCheck)) throw await PhoneVault.countWrongPin(resolved, record);

    let state: PhoneState;
    try {
      const plaintext = xchacha20poly1305(keys.encryption, record.nonce, AAD).decrypt(record.ciphertext);
      state = PhoneState.parse(JSON.parse(new TextDecoder().decode(plaintext)));
    } catch {
      throw damaged();
    }
    if (record.failedAttempts > 0) {
      await withRecord(resolved, 'readwrite', (current, store) => {
        store.put({ ...parseRecord(current), failedAttempts: 0, retryAt: 0 }, RECORD_KEY);
      });
    }
    return new PhoneVault(resolved, record.kdf, keys, state);
  }

  /** Removes the keys without the PIN: the way out for a forgotten PIN, after which the user restores. */
  static async erase(options: PhoneVaultOptions = {}): Promise<void> {
    await withRecord(resolveOptions(options), 'readwrite', (_current, store) => {
      store.delete(RECORD_KEY);
    });
  }

  private static async countWrongPin(
    options: Required<PhoneVaultOptions>,
    read: VaultRecord,
  ): Promise<VaultLockedError> {
    const now = options.now();
    const failedAttempts = await withRecord(options, 'readwrite', (current, store) => {
      const record = parseRecord(current);
      // Another tab may have counted meanwhile; count from what is stored now, for the same keys only.
      const base = equalBytes(record.kdf.salt, read.kdf.salt) ? record.failedAttempts : 0;
      const failed = base + 1;
      const wait = waitAfter(failed);
      store.put({ ...record, failedAttempts: failed, retryAt: wait > 0 ? now + wait : 0 }, RECORD_KEY);
      return failed;
    });
    const wait = waitAfter(failedAttempts);
    if (wait > 0) return tooMany(now + wait, now);
    const left = FREE_ATTEMPTS - failedAttempts;
    return new VaultLockedError(
      left <= 3 ? `Wrong PIN. ${left} more before the phone makes you wait.` : 'Wrong PIN.',
      null,
      left,
    );
  }

  get state(): PhoneState {
    if (!this.current) throw new VaultError('locked', 'The vault is locked; enter the PIN again.');
    return this.current;
  }

  /** Writes a new state under a fresh nonce; the stored state changes only if the whole write succeeds. */
  async save(state: PhoneState): Promise<void> {
    if (!this.keys) throw new VaultError('locked', 'The vault is locked; enter the PIN again.');
    const valid = PhoneState.parse(state);
    const sealed = seal(this.keys, valid);
    await withRecord(this.options, 'readwrite', (current, store) => {
      const record = parseRecord(current);
      if (!equalBytes(record.kdf.salt, this.kdf.salt)) {
        throw new VaultError('locked', 'The keys on this phone were replaced; unlock them again.');
      }
      store.put({ ...record, ...sealed }, RECORD_KEY);
    });
    this.current = valid;
  }

  /** Calls `listener` when the vault locks, so what was derived from its secrets is forgotten with them. */
  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Forgets the key and the state in memory, e.g. when the page is hidden. */
  lock(): void {
    this.keys?.encryption.fill(0);
    this.keys = null;
    this.current = null;
    for (const listener of this.lockListeners) listener();
    this.lockListeners.clear();
  }

  /** Deletes the stored keys and locks. */
  async destroy(): Promise<void> {
    this.lock();
    await PhoneVault.erase(this.options);
  }
}

function seal(keys: Keys, state: PhoneState): { nonce: Uint8Array; ciphertext: Uint8Array } {
  const nonce = randomBytes(24);
  const plaintext = new TextEncoder().encode(JSON.stringify(state));
  return { nonce, ciphertext: xchacha20poly1305(keys.encryption, nonce, AAD).encrypt(plaintext) };
}
