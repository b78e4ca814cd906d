import { id, recoverAddress, Signature } from 'ethers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as phoneKeys from './phoneKeys';
import { derivePhoneKey, phoneAccount } from './phoneKeys';
import {
  type PageVisibility,
  PhoneSigningKey,
  SIGNING_KEY_HIDDEN_MS,
  SIGNING_KEY_IDLE_MS,
} from './phoneSigningKey';

vi.mock('./phoneKeys', async (importOriginal) => {
  const actual = await importOriginal<typeof phoneKeys>();
  return { ...actual, derivePhoneKey: vi.fn(actual.derivePhoneKey) };
});

const PHRASE = 'test test test test test test test test test test test junk';
const OTHER_PHRASE =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const DIGEST = id('a transaction hash');
const MINUTE = 60_000;

/** The keys handed out so far, in order; a dropped one reads as all zeros. */
function derivedKeys(): Uint8Array[] {
  return vi.mocked(derivePhoneKey).mock.results.map((result) => result.value as Uint8Array);
}

const zeroed = (key: Uint8Array | undefined) => key !== undefined && key.every((byte) => byte === 0);

class FakePage implements PageVisibility {
  isHidden = false;
  readonly listeners = new Set<() => void>();

  hidden(): boolean {
    return this.isHidden;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(hidden: boolean): void {
    this.isHidden = hidden;
    for (const listener of this.listeners) listener();
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(derivePhoneKey).mockClear();
});
afterEach(() => vi.useRealTimers());

describe('PhoneSigningKey', () => {
  it('signs with the phone account key, deriving it once for many signatures', () => {
    const key = new PhoneSigningKey();
    const address = phoneAccount(PHRASE).address;
    for (let index = 0; index < 3; index++) {
      const digest = id(`transaction ${index}`);
      expect(recoverAddress(digest, Signature.from(key.sign(PHRASE, digest)))).toBe(address);
    }
    expect(derivePhoneKey).toHaveBeenCalledTimes(1);
  });

  it('zero-fills the key after five minutes without a signature, and derives it again for the next', () => {
    const key = new PhoneSigningKey();
    key.sign(PHRASE, DIGEST);
    vi.advanceTimersByTime(SIGNING_KEY_IDLE_MS - MINUTE);
    key.sign(PHRASE, DIGEST);
    vi.advanceTimersByTime(SIGNING_KEY_IDLE_MS - 1);
    expect(derivedKeys()).toHaveLength(1);
    expect(zeroed(derivedKeys()[0])).toBe(false);

    vi.advanceTimersByTime(1);
    expect(zeroed(derivedKeys()[0])).toBe(true);
    expect(SIGNING_KEY_IDLE_MS).toBe(5 * MINUTE);
    key.sign(PHRASE, DIGEST);
    expect(derivedKeys()).toHaveLength(2);
  });

  it('drops the key once the page has been hidden for two minutes, not when it comes back sooner', () => {
    const page = new FakePage();
    const key = new PhoneSigningKey(page);
    key.sign(PHRASE, DIGEST);
    page.set(true);
    vi.advanceTimersByTime(SIGNING_KEY_HIDDEN_MS - 1);
    page.set(false);
    vi.advanceTimersByTime(SIGNING_KEY_HIDDEN_MS);
    expect(zeroed(derivedKeys()[0])).toBe(false);
    // A fresh signature, so that the idle drop cannot be what zero-fills the key below.
    key.sign(PHRASE, DIGEST);

    page.set(true);
    vi.advanceTimersByTime(SIGNING_KEY_HIDDEN_MS);
    expect(SIGNING_KEY_HIDDEN_MS).toBe(2 * MINUTE);
    expect(zeroed(derivedKeys()[0])).toBe(true);
    key.sign(PHRASE, DIGEST);
    expect(derivedKeys()).toHaveLength(2);
  });

  it('gives a key derived while the page is hidden the same two minutes', () => {
    const page = new FakePage();
    page.set(true);
    const key = new PhoneSigningKey(page);
    key.sign(PHRASE, DIGEST);
    vi.advanceTimersByTime(SIGNING_KEY_HIDDEN_MS);
    expect(zeroed(derivedKeys()[0])).toBe(true);
  });

  it('never signs with a key past its time when the timers were held back, as in a frozen page', () => {
    const page = new FakePage();
    const key = new PhoneSigningKey(page);
    key.sign(PHRASE, DIGEST);
    page.set(true);
    // setSystemTime moves the clock without running the timers that came due meanwhile.
    vi.setSystemTime(Date.now() + SIGNING_KEY_HIDDEN_MS);
    page.set(false);
    expect(zeroed(derivedKeys()[0])).toBe(true);

    key.sign(PHRASE, DIGEST);
    vi.setSystemTime(Date.now() + SIGNING_KEY_IDLE_MS);
    key.sign(PHRASE, DIGEST);
    expect(derivedKeys()).toHaveLength(3);
    expect(zeroed(derivedKeys()[1])).toBe(true);
  });

  it('derives again when the phrase changes, and zero-fills the old key', () => {
    const key = new PhoneSigningKey();
    key.sign(PHRASE, DIGEST);
    const signature = key.sign(OTHER_PHRASE, DIGEST);
    expect(zeroed(derivedKeys()[0])).toBe(true);
    expect(zeroed(derivedKeys()[1])).toBe(false);
    expect(recoverAddress(DIGEST, Signature.from(signature))).toBe(phoneAccount(OTHER_PHRASE).address);
  });

  it('zero-fills the key on lock, stops watching the page, and signs nothing after', () => {
    const page = new FakePage();
    const key = new PhoneSigningKey(page);
    key.sign(PHRASE, DIGEST);
    key.lock();
    expect(zeroed(derivedKeys()[0])).toBe(true);
    expect(page.listeners.size).toBe(0);
    expect(() => key.sign(PHRASE, DIGEST)).toThrow(/locked/);
    expect(derivedKeys()).toHaveLength(1);
  });

  it('leaves no timer behind once the key is dropped', () => {
    const page = new FakePage();
    const key = new PhoneSigningKey(page);
    key.sign(PHRASE, DIGEST);
    page.set(true);
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(SIGNING_KEY_HIDDEN_MS);
    expect(vi.getTimerCount()).toBe(0);
  });
});
