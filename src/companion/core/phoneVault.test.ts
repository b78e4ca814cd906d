import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newPhoneState, recordAnswer } from './phoneState';
import type { PhoneVaultOptions } from './phoneVault';
import { FREE_ATTEMPTS, PhoneVault, VaultError, VaultLockedError } from './phoneVault';

const MNEMONIC = 'test test test test test test test test test test test junk';
const PIN = '246810';
const state = newPhoneState(MNEMONIC, 'Pixel');

type TestOptions = PhoneVaultOptions & { indexedDB: IDBFactory; clock: { now: number } };

function setup(): TestOptions {
  const clock = { now: 1_790_000_000_000 };
  return { indexedDB: new IDBFactory(), databaseName: 'test', now: () => clock.now, clock };
}

function rawRecord(options: TestOptions): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const open = options.indexedDB.open('test', 1);
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('vault', 'readonly').objectStore('vault').get('phone');
      read.onsuccess = () => {
        db.close();
        resolve(read.result);
      };
      read.onerror = () => reject(read.error);
    };
    open.onerror = () => reject(open.error);
  });
}

function putRecord(options: TestOptions, record: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = options.indexedDB.open('test', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('vault');
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction('vault', 'readwrite');
      transaction.objectStore('vault').put(record, 'phone');
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('resolved');
}

describe('PhoneVault', () => {
  it('round-trips the state and survives a reload', async () => {
    const options = setup();
    expect(await PhoneVault.exists(options)).toBe(false);
    const vault = await PhoneVault.create(PIN, state, options);
    expect(vault.state).toEqual(state);
    expect(await PhoneVault.exists(options)).toBe(true);

    const next = { ...state, backedUp: true };
    await vault.save(next);
    expect(vault.state).toEqual(next);
    const reloaded = await PhoneVault.unlock(PIN, { ...options });
    expect(reloaded.state).toEqual(next);
  });

  it('stores nothing in the clear and uses a fresh nonce for every write', async () => {
    const options = setup();
    const vault = await PhoneVault.create(PIN, state, options);
    const first = await rawRecord(options);
    expect(new TextDecoder().decode(first.ciphertext as Uint8Array)).not.toContain('test');
    await vault.save(
      recordAnswer(state, {
        id: 'ab'.repeat(16),
        digest: `0x${'cd'.repeat(32)}`,
        signature: null,
        answeredAt: 1,
      }),
    );
    const second = await rawRecord(options);
    expect(second.nonce).not.toEqual(first.nonce);
    expect(second.kdf).toEqual(first.kdf);
  });

  it('refuses a wrong PIN and a PIN of the wrong shape', async () => {
    const options = setup();
    await PhoneVault.create(PIN, state, options);
    const wrong = await rejection(PhoneVault.unlock('135790', options));
    expect(wrong).toBeInstanceOf(VaultLockedError);
    expect(wrong.message).toBe('Wrong PIN.');
    expect(await rejection(PhoneVault.unlock('12345', options))).toMatchObject({ code: 'invalid_pin' });
    expect(await rejection(PhoneVault.create('12ab56', state, setup()))).toMatchObject({
      code: 'invalid_pin',
    });
  });

  it('never overwrites existing keys', async () => {
    const options = setup();
    await PhoneVault.create(PIN, state, options);
    const error = await rejection(PhoneVault.create('999999', newPhoneState(MNEMONIC, 'Other'), options));
    expect(error).toMatchObject({ code: 'vault_exists' });
    expect((await PhoneVault.unlock(PIN, options)).state.phoneName).toBe('Pixel');
  });

  it('reports a tampered ciphertext as damage and leaves the record as it was', async () => {
    const options = setup();
    await PhoneVault.create(PIN, state, options);
    const record = await rawRecord(options);
    const ciphertext = Uint8Array.from(record.ciphertext as Uint8Array);
    ciphertext.set([(ciphertext[5] ?? 0) ^ 1], 5);
    await putRecord(options, { ...record, ciphertext });
    const tampered = await rawRecord(options);

    const error = await rejection(PhoneVault.unlock(PIN, options));
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'damaged' });
    expect(error.message).toMatch(/damaged/);
    expect(await rawRecord(options)).toEqual(tampered);
  });

  it('reports a malformed record as damage', async () => {
    const options = setup();
    await PhoneVault.create(PIN, state, options);
    const record = await rawRecord(options);
    await putRecord(options, { ...record, kdf: { ...(record.kdf as object), N: 2 ** 30 } });
    expect(await rejection(PhoneVault.unlock(PIN, options))).toMatchObject({ code: 'damaged' });
    await putRecord(options, { format: 1, nonsense: true });
    expect(await rejection(PhoneVault.unlock(PIN, options))).toMatchObject({ code: 'damaged' });
    expect(await rejection(PhoneVault.unlock(PIN, setup()))).toMatchObject({ code: 'no_vault' });
  });

  it(`makes the user wait, longer each time, after ${FREE_ATTEMPTS} wrong PINs, and remembers it`, async () => {
    const options = setup();
    await PhoneVault.create(PIN, state, options);
    const errors: VaultLockedError[] = [];
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      errors.push((await rejection(PhoneVault.unlock('000000', options))) as VaultLockedError);
    }
    expect(errors[FREE_ATTEMPTS - 2]?.message).toBe('Wrong PIN. 1 more before the phone makes you wait.');
    const last = errors[FREE_ATTEMPTS - 1];
    expect(last?.message).toBe('Too many wrong PINs. Try again in 30 seconds.');
    expect(last?.retryAt).toBe(options.clock.now + 30_000);

    // Even the right PIN waits, and a reload does not reset the wait.
    const waiting = await rejection(PhoneVault.unlock(PIN, { ...options }));
    expect(waiting).toMatchObject({ retryAt: options.clock.now + 30_000 });

    options.clock.now += 30_000;
    const longer = (await rejection(PhoneVault.unlock('000000', options))) as VaultLockedError;
    expect(longer.retryAt).toBe(options.clock.now + 60_000);

    options.clock.now += 60_000;
    expect((await PhoneVault.unlock(PIN, options)).state).toEqual(state);
    expect(await rawRecord(options)).toMatchObject({ failedAttempts: 0, retryAt: 0 });
  });

  it('locks, telling whoever asked, and destroys the stored keys', async () => {
    const options = setup();
    const vault = await PhoneVault.create(PIN, state, options);
    const told: string[] = [];
    vault.onLock(() => told.push('signing key'));
    vault.onLock(() => told.push('gone'))();
    vault.lock();
    vault.lock();
    expect(told).toEqual(['signing key']);
    expect(() => vault.state).toThrow(/locked/);
    await expect(vault.save(state)).rejects.toMatchObject({ code: 'locked' });
    await vault.destroy();
    expect(await PhoneVault.exists(options)).toBe(false);
  });
});
