import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { userMessage } from '../../shared/api/userErrors';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { SigningRequestView } from '../../shared/devices';
import { createEventHub } from '../api/events';
import type { ChecksumAddress } from '../store/address';
import { DeviceError } from '../../shared/deviceError';
import { type NewSigningRequest, SigningRequests } from './signingRequests';

const start: NewSigningRequest = {
  id: 'request-1',
  action: 'message',
  account: { id: 3, address: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress, label: 'Main' },
  signer: { kind: 'ledger', label: 'Nano S Plus', fingerprint: '0a1b2c3d', model: 'Nano S Plus' },
  check: [{ label: 'Message', value: 'hello' }],
  blind: false,
};

function feed() {
  const events = createEventHub();
  const published: SigningRequestView[] = [];
  events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
    if (name === 'signing.request') published.push(structuredClone(payload as SigningRequestView));
  });
  return { requests: new SigningRequests(events, () => 1_000), published };
}

describe('SigningRequests', () => {
  it('publishes the request as queued before the work starts, each step it reports, then done', async () => {
    const { requests, published } = feed();
    const result = await requests.track(start, async (progress) => {
      expect(published.map((r) => r.status)).toEqual(['queued']);
      progress({ status: 'waiting_for_phone', expiresAt: 5_000 });
      progress({ status: 'awaiting_confirmation' });
      return 'signed';
    });
    expect(result).toBe('signed');
    expect(published.map((r) => r.status)).toEqual([
      'queued',
      'waiting_for_phone',
      'awaiting_confirmation',
      'done',
    ]);
    expect(published[0]).toEqual({
      ...start,
      review: null,
      status: 'queued',
      error: null,
      startedAt: 1_000,
      expiresAt: null,
    });
    expect(published.at(-1)).toMatchObject({ status: 'done', expiresAt: 5_000, error: null });
  });

  it('shows only what the overlay needs of the account', async () => {
    const { requests, published } = feed();
    const account = { ...start.account, signer: 'ledger', derivationPath: "m/44'/60'/0'/0/0" };
    await requests.track({ ...start, account }, async () => null);
    expect(published[0]?.account).toEqual(start.account);
  });

  it('fails with the state a device error leaves, in its words, and passes the error on', async () => {
    const { requests, published } = feed();
    const locked = new DeviceError('locked', 'Your Ledger is locked.', 'Enter your PIN on the Ledger.');
    await expect(requests.track(start, () => Promise.reject(locked))).rejects.toBe(locked);
    expect(published.map((r) => r.status)).toEqual(['queued', 'failed']);
    expect(published.at(-1)?.error).toEqual({
      state: 'locked',
      message: 'Your Ledger is locked.',
      remedy: 'Enter your PIN on the Ledger.',
    });
  });

  it('says an API error in its own words, and keeps anything unexpected to itself', async () => {
    const { requests, published } = feed();
    const mismatch = new ApiError('signature_mismatch', 'The signature is not from this account.');
    await expect(requests.track(start, () => Promise.reject(mismatch))).rejects.toBe(mismatch);
    await expect(
      requests.track(start, () => Promise.reject(new Error('EPIPE /dev/hidraw0'))),
    ).rejects.toThrow();
    expect(published.filter((r) => r.status === 'failed').map((r) => r.error)).toEqual([
      { state: 'error', message: 'The signature is not from this account.', remedy: null },
      { state: 'error', message: userMessage('internal'), remedy: null },
    ]);
  });

  it('closes a request the user cancelled as done, with nothing to report back', async () => {
    const { requests, published } = feed();
    const cancelled = new ApiError('cancelled', 'You cancelled the request before the phone answered.');
    await expect(requests.track(start, () => Promise.reject(cancelled))).rejects.toBe(cancelled);
    expect(published.at(-1)).toMatchObject({ status: 'done', error: null });
  });
});
