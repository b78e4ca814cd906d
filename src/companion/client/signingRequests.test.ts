import { recoverAddress, Signature } from 'ethers';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneMessage } from '../../shared/pairing/messages';
import { NOW, signRequest } from '../../../test/companion/signRequestFixture';
import type * as phoneKeys from '../core/phoneKeys';
import { derivePhoneKey, phoneAccount } from '../core/phoneKeys';
import { newPhoneState, type PhoneState } from '../core/phoneState';
import { PhoneSigningKey } from '../core/phoneSigningKey';
import { PhoneStateWriter } from './phoneStateWriter';
import { requestContentDigest } from './requestAnswers';
import { SigningRequests } from './signingRequests';

vi.mock('../core/phoneKeys', async (importOriginal) => {
  const actual = await importOriginal<typeof phoneKeys>();
  return { ...actual, derivePhoneKey: vi.fn(actual.derivePhoneKey) };
});

const PHRASE = 'test test test test test test test test test test test junk';
const RESTORED =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const DESKTOP = 'a'.repeat(64);

function phone() {
  let state: PhoneState = newPhoneState(PHRASE, 'Pixel');
  const sent: PhoneMessage[] = [];
  const signingKey = new PhoneSigningKey();
  const requests = new SigningRequests({
    writer: new PhoneStateWriter({
      get state() {
        return state;
      },
      save: (next) => {
        state = next;
        return Promise.resolve();
      },
    }),
    signingKey,
    send: (_desktopId, message) => sent.push(message),
    changed: () => undefined,
    now: () => NOW,
  });
  const restore = (mnemonic: string) => (state = { ...state, mnemonic });
  return { requests, sent, signingKey, restore, state: () => state };
}

/** Offers a request with its own id and nonce, approves it, and returns the digest it carried. */
async function approve(requests: SigningRequests, index: number): Promise<string> {
  const request = signRequest({ id: index.toString(16).padStart(32, '0') }, { nonce: index });
  requests.offer(DESKTOP, request);
  await requests.approve(request.id);
  return requestContentDigest(request);
}

function signer(message: PhoneMessage | undefined, digest: string): string {
  if (message?.t !== 'signed') throw new Error(`expected a signature, got ${JSON.stringify(message)}`);
  return recoverAddress(digest, Signature.from(message.signature));
}

beforeEach(() => {
  vi.mocked(derivePhoneKey).mockClear();
});

describe('SigningRequests', () => {
  it('signs each approved request with the key kept from one derivation, and saves the answer', async () => {
    const { requests, sent, state } = phone();
    const digests = [await approve(requests, 1), await approve(requests, 2), await approve(requests, 3)];
    const address = phoneAccount(PHRASE).address;
    expect(digests.map((digest, index) => signer(sent[index], digest))).toEqual([address, address, address]);
    expect(derivePhoneKey).toHaveBeenCalledTimes(1);
    expect(state().answered.map((answer) => answer.digest)).toEqual(digests);
    expect(requests.list()).toEqual([]);
  });

  it('signs with the new key once the phrase was restored', async () => {
    const { requests, sent, restore } = phone();
    await approve(requests, 1);
    restore(RESTORED);
    const digest = await approve(requests, 2);
    expect(signer(sent[1], digest)).toBe(phoneAccount(RESTORED).address);
    expect(derivePhoneKey).toHaveBeenCalledTimes(2);
  });

  it('sends and saves nothing once the key was locked away', async () => {
    const { requests, sent, signingKey, state } = phone();
    signingKey.lock();
    await expect(approve(requests, 1)).rejects.toThrow(/locked/);
    expect(sent).toEqual([]);
    expect(state().answered).toEqual([]);
    expect(requests.list()).toHaveLength(1);
  });
});
