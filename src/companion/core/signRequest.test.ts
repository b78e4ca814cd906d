import { describe, expect, it } from 'vitest';
import { parseSignRequest, RequestError, requestTransaction } from './signRequest';

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
