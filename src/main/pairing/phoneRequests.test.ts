import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import type { SignRequestMessage } from '../../shared/pairing/messages';
import { safeRequest } from '../../../test/companion/safeRequestFixture';
import { DeviceError } from '../../shared/deviceError';
import type { SignatureParts } from '../signers/signer';
import { type PhoneRequestMessage, PhoneRequests, type PhoneRequestStatus } from './phoneRequests';

const PHONE_A = 'phone:aaaa';
const PHONE_B = 'phone:bbbb';
const TTL = 60_000;
const START = 1_000_000;
const SIGNATURE: SignatureParts = { r: `0x${'1'.repeat(64)}`, s: `0x${'2'.repeat(64)}`, yParity: 1 };

function request(id: string): Omit<SignRequestMessage, 'createdAt' | 'expiresAt'> {
  // The module only reads `id`; the rest of the message passes through untouched.
  return { t: 'sign', id, desktop: 'Desk', chainId: 1, desktopChainId: 1 } as unknown as Omit<
    SignRequestMessage,
    'createdAt' | 'expiresAt'
  >;
}

function setup(connected: Set<string> = new Set([PHONE_A])) {
  let clock = START;
  const now = () => clock;
  const deliver = vi.fn((fingerprint: string, message: PhoneRequestMessage) => {
    void message;
    return connected.has(fingerprint);
  });
  const requests = new PhoneRequests({ now, ttlMs: TTL, deliver });
  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  const track = () => {
    const statuses: [PhoneRequestStatus, number][] = [];
    const onStatus = (status: PhoneRequestStatus, expiresAt: number) => statuses.push([status, expiresAt]);
    return { statuses, onStatus };
  };
  return { requests, deliver, connected, advance, track };
}

/** Settles-or-not probe: true when the promise is still pending after the microtask queue drains. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  const result = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    Promise.resolve().then(() => marker),
  ]);
  return result === marker;
}

describe('PhoneRequests', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has a pending probe that tells settled from pending', async () => {
    expect(await isPending(Promise.resolve(1))).toBe(false);
    expect(await isPending(Promise.reject(new Error('x')))).toBe(false);
    expect(await isPending(new Promise(() => undefined))).toBe(true);
  });

  it('delivers to a connected phone and awaits its confirmation', async () => {
    const { requests, deliver, track } = setup();
    const { statuses, onStatus } = track();
    const promise = requests.sign(PHONE_A, 'Pixel', request('r1'), onStatus);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver).toHaveBeenCalledWith(
      PHONE_A,
      expect.objectContaining({ id: 'r1', createdAt: START, expiresAt: START + TTL }),
    );
    expect(statuses).toEqual([['awaiting_confirmation', START + TTL]]);
    requests.signed(PHONE_A, 'r1', SIGNATURE);
    await expect(promise).resolves.toEqual(SIGNATURE);
  });

  it('carries a Safe request the same way: timed, re-sent under its id on reconnection, answered by id', async () => {
    const { requests, deliver, connected, track } = setup(new Set());
    const { createdAt, expiresAt, ...untimed } = safeRequest();
    void [createdAt, expiresAt];
    const promise = requests.sign(PHONE_A, 'Pixel', untimed, track().onStatus);
    connected.add(PHONE_A);
    requests.connected(PHONE_A);
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(deliver).toHaveBeenLastCalledWith(PHONE_A, {
      ...untimed,
      createdAt: START,
      expiresAt: START + TTL,
    });
    requests.signed(PHONE_A, untimed.id, SIGNATURE);
    await expect(promise).resolves.toEqual(SIGNATURE);
  });

  it('waits for a phone that is not connected', async () => {
    const { requests, deliver, track } = setup(new Set());
    const { statuses, onStatus } = track();
    const promise = requests.sign(PHONE_A, 'Pixel', request('r1'), onStatus);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(statuses).toEqual([['waiting_for_phone', START + TTL]]);
    expect(await isPending(promise)).toBe(true);
  });

  it('moves to expired at the deadline while the promise stays pending', async () => {
    const { requests, advance, track } = setup();
    const { statuses, onStatus } = track();
    const promise = requests.sign(PHONE_A, 'Pixel', request('r1'), onStatus);
    advance(TTL - 1);
    expect(statuses.at(-1)?.[0]).toBe('awaiting_confirmation');
    advance(1);
    expect(statuses.at(-1)).toEqual(['expired', START + TTL]);
    expect(await isPending(promise)).toBe(true);
    // Still answerable after expiry: the request ends only with an answer or a cancel.
    requests.signed(PHONE_A, 'r1', SIGNATURE);
    await expect(promise).resolves.toEqual(SIGNATURE);
  });

  it('retry() re-sends the same id with a new deadline once expired', async () => {
    const { requests, deliver, advance, track } = setup();
    const { statuses, onStatus } = track();
    const promise = requests.sign(PHONE_A, 'Pixel', request('r1'), onStatus);
    advance(TTL);
    expect(statuses.at(-1)?.[0]).toBe('expired');
    advance(5_000);
    const retriedAt = START + TTL + 5_000;
    requests.retry('r1');
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(deliver).toHaveBeenLastCalledWith(
      PHONE_A,
      expect.objectContaining({ id: 'r1', createdAt: retriedAt, expiresAt: retriedAt + TTL }),
    );
    expect(statuses.at(-1)).toEqual(['awaiting_confirmation', retriedAt + TTL]);
    // The new deadline is honoured too.
    advance(TTL - 1);
    expect(statuses.at(-1)?.[0]).toBe('awaiting_confirmation');
    advance(1);
    expect(statuses.at(-1)).toEqual(['expired', retriedAt + TTL]);
    requests.signed(PHONE_A, 'r1', SIGNATURE);
    await expect(promise).resolves.toEqual(SIGNATURE);
  });

  it('retry() refuses a request that has not expired, and an unknown id', () => {
    const { requests, deliver, track } = setup();
    void requests.sign(PHONE_A, 'Pixel', request('r1'), track().onStatus);
    expect(() => requests.retry('r1')).toThrow(
      expect.objectContaining({ name: 'ApiError', code: 'invalid_state' }),
    );
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(() => requests.retry('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('cancel() rejects with a cancelled ApiError and returns the message', async () => {
    const { requests, track } = setup();
    const promise = requests.sign(PHONE_A, 'Pixel', request('r1'), track().onStatus);
    const message = requests.cancel('r1');
    expect(message).toMatchObject({ id: 'r1', createdAt: START, expiresAt: START + TTL });
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(requests.cancel('r1')).toBeNull();
    expect(requests.cancel('unknown')).toBeNull();
  });

  it('ignores signed() and rejected() from another phone', async () => {
    const { requests, track } = setup(new Set([PHONE_A, PHONE_B]));
    const promise = requests.sign(PHONE_A, 'Pixel', request('r1'), track().onStatus);
    requests.signed(PHONE_B, 'r1', SIGNATURE);
    requests.rejected(PHONE_B, 'r1', 'nope');
    expect(await isPending(promise)).toBe(true);
    const other = { ...SIGNATURE, yParity: 0 as const };
    requests.signed(PHONE_A, 'r1', other);
    await expect(promise).resolves.toEqual(other);
  });

  it('rejected() rejects with a DeviceError in state rejected', async () => {
    const { requests, track } = setup();
    const promise = requests.sign(PHONE_A, 'Pixel', request('r1'), track().onStatus);
    requests.rejected(PHONE_A, 'r1', 'user said no');
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect(error).toMatchObject({ state: 'rejected' });
    expect((error as Error).message).toContain('Pixel');
    expect((error as Error).message).toContain('user said no');
    // Gone once answered.
    expect(requests.cancel('r1')).toBeNull();
  });

  it('connected() re-sends open, non-expired requests for that phone only', () => {
    const connected = new Set<string>();
    const { requests, deliver, advance, track } = setup(connected);
    const a1 = track();
    void requests.sign(PHONE_A, 'Pixel', request('a-expired'), a1.onStatus);
    advance(TTL);
    expect(a1.statuses.at(-1)?.[0]).toBe('expired');
    const a2 = track();
    void requests.sign(PHONE_A, 'Pixel', request('a-open'), a2.onStatus);
    void requests.sign(PHONE_B, 'Other', request('b-open'), track().onStatus);
    deliver.mockClear();

    connected.add(PHONE_A);
    requests.connected(PHONE_A);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver).toHaveBeenCalledWith(PHONE_A, expect.objectContaining({ id: 'a-open' }));
    expect(a2.statuses.at(-1)?.[0]).toBe('awaiting_confirmation');
    expect(a1.statuses.at(-1)?.[0]).toBe('expired');
  });

  it('drop() rejects all of one phone’s requests and leaves the others', async () => {
    const { requests, track } = setup(new Set([PHONE_A, PHONE_B]));
    const a1 = requests.sign(PHONE_A, 'Pixel', request('a1'), track().onStatus);
    const a2 = requests.sign(PHONE_A, 'Pixel', request('a2'), track().onStatus);
    const b1 = requests.sign(PHONE_B, 'Other', request('b1'), track().onStatus);
    const revoked = new Error('revoked');
    requests.drop(PHONE_A, revoked);
    await expect(a1).rejects.toBe(revoked);
    await expect(a2).rejects.toBe(revoked);
    expect(await isPending(b1)).toBe(true);
    requests.signed(PHONE_B, 'b1', SIGNATURE);
    await expect(b1).resolves.toEqual(SIGNATURE);
  });

  it('refuses a duplicate id', async () => {
    const { requests, deliver, track } = setup();
    const first = requests.sign(PHONE_A, 'Pixel', request('r1'), track().onStatus);
    expect(() => requests.sign(PHONE_A, 'Pixel', request('r1'), track().onStatus)).toThrow(
      expect.objectContaining({ name: 'ApiError', code: 'invalid_state' }),
    );
    expect(deliver).toHaveBeenCalledTimes(1);
    requests.signed(PHONE_A, 'r1', SIGNATURE);
    await expect(first).resolves.toEqual(SIGNATURE);
  });
});
