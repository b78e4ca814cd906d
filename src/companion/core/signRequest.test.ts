import { describe, expect, it } from 'vitest';
import { decodeDesktopMessage, encodeMessage } from '../../shared/pairing/messages';
import {
  parseSignRequest,
  refusalReason,
  RequestError,
  requestTransaction,
  unreadableRequestAnswer,
} from './signRequest';

const valid = {
  t: 'sign',
  id: '00112233445566778899aabbccddeeff',
  desktop: 'Work laptop',
  chainId: 10,
  desktopChainId: 1,
  createdAt: 1_000,
  expiresAt: 301_000,
  tx: {
    type: 2,
    nonce: 0,
    to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    value: '1',
    data: '0x',
    gasLimit: '21000',
    maxFeePerGas: '2',
    maxPriorityFeePerGas: '1',
  },
};

function refusal(input: unknown): RequestError {
  try {
    parseSignRequest(input);
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('sign request schema', () => {
  it('accepts the spec’s message and binds the transaction to its chain', () => {
    const request = parseSignRequest(valid);
    expect(requestTransaction(request)).toEqual({ ...valid.tx, chainId: 10 });
  });

  it('accepts a legacy transaction and a contract creation', () => {
    const legacy = {
      type: 0,
      nonce: 1,
      to: null,
      value: '0',
      data: '0x60',
      gasLimit: '90000',
      gasPrice: '5',
    };
    expect(parseSignRequest({ ...valid, tx: legacy }).tx).toEqual(legacy);
  });

  it.each([
    ['an uppercase id', { id: '00112233445566778899AABBCCDDEEFF' }],
    ['a short id', { id: 'abcd' }],
    ['another message type', { t: 'cancel' }],
    ['an unexpected field', { extra: 1 }],
    ['an expiry before creation', { expiresAt: 1_000 }],
    ['a bad checksum', { tx: { ...valid.tx, to: '0x70997970c51812dc3a010c7d01b50e0d17dc79C8' } }],
    ['a numeric value', { tx: { ...valid.tx, value: 1 } }],
    ['a value with leading zeros', { tx: { ...valid.tx, value: '01' } }],
    ['a value over 256 bits', { tx: { ...valid.tx, value: (1n << 256n).toString() } }],
    ['odd-length data', { tx: { ...valid.tx, data: '0xabc' } }],
    ['a gas price on an EIP-1559 transaction', { tx: { ...valid.tx, gasPrice: '1' } }],
    ['a tip above the max fee', { tx: { ...valid.tx, maxPriorityFeePerGas: '3' } }],
    ['an unknown type', { tx: { ...valid.tx, type: 1 } }],
  ])('refuses %s with a readable error', (_name, change) => {
    const error = refusal({ ...valid, ...change });
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(
      /^The desktop sent a signing request this phone cannot read.*Nothing was signed\.$/,
    );
  });

  it('refuses input that is not an object', () => {
    expect(refusal('sign').code).toBe('invalid_request');
    expect(refusal(null).code).toBe('invalid_request');
  });
});

describe('unreadableRequestAnswer', () => {
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const failure = (bytes: Uint8Array) => {
    try {
      decodeDesktopMessage(bytes);
    } catch (error) {
      return error;
    }
    throw new Error('the message was valid');
  };

  it('tells the desktop why it cannot read a sign request, by its id', () => {
    const hostile = json({ ...valid, review: { summary: 'x'.repeat(100_000) } });
    const answer = unreadableRequestAnswer(hostile, failure(hostile));
    expect(answer).toEqual({
      t: 'rejected',
      id: valid.id,
      reason: expect.stringMatching(
        /^The phone cannot read this request: The desktop sent an invalid message \(review/,
      ),
    });
    if (answer?.t !== 'rejected') throw new Error('no rejection');
    expect(answer.reason.length).toBeLessThanOrEqual(200);
    expect(answer.reason.endsWith(' Nothing was signed.')).toBe(true);
    // The answer itself is a valid phone message.
    expect(encodeMessage(answer)).toBeInstanceOf(Uint8Array);
  });

  it('answers an unreadable Safe request by its id too', () => {
    const malformed = json({ t: 'safeSign', id: valid.id, safe: 'not an address' });
    expect(unreadableRequestAnswer(malformed, failure(malformed))).toMatchObject({
      t: 'rejected',
      id: valid.id,
      reason: expect.stringMatching(/^The phone cannot read this request: .* Nothing was signed\.$/),
    });
  });

  it('says nothing to what is not a sign request with a readable id', () => {
    const notSign = json({ t: 'cancel', id: 'nope' });
    expect(unreadableRequestAnswer(notSign, failure(notSign))).toBeNull();
    const badId = json({ ...valid, id: 'NOT-AN-ID', tx: null });
    expect(unreadableRequestAnswer(badId, failure(badId))).toBeNull();
    expect(unreadableRequestAnswer(new Uint8Array([0xff, 0xfe]), new Error('x'))).toBeNull();
  });

  it('keeps a short reason whole and cuts a long one to 200 characters', () => {
    expect(refusalReason('Blocked.')).toBe('Blocked. Nothing was signed.');
    const cut = refusalReason('y'.repeat(500));
    expect(cut).toHaveLength(200);
    expect(cut).toMatch(/^y+… Nothing was signed\.$/);
  });
});
