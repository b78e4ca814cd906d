import { describe, expect, it } from 'vitest';
import { requestDigest } from './phoneKeys';
import type { AnsweredRequest } from './phoneState';
import { checkRequest } from './requestGate';
import type { SignRequestMessage } from './signRequest';
import { requestTransaction } from './signRequest';

const NOW = 1_790_000_000_000;
const request: SignRequestMessage = {
  t: 'sign',
  id: 'aa'.repeat(16),
  desktop: 'Laptop',
  chainId: 1,
  desktopChainId: 1,
  createdAt: NOW - 1_000,
  expiresAt: NOW + 299_000,
  tx: {
    type: 0,
    nonce: 0,
    to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    value: '1',
    data: '0x',
    gasLimit: '21000',
    gasPrice: '1',
  },
};
const digest = requestDigest(requestTransaction(request));
const answer: AnsweredRequest = {
  id: request.id,
  digest,
  signature: { r: `0x${'11'.repeat(32)}`, s: `0x${'22'.repeat(32)}`, yParity: 1 },
  answeredAt: NOW - 500,
};

describe('checkRequest', () => {
  it('lets a fresh request through with its digest', () => {
    expect(checkRequest(request, [], NOW)).toEqual({ kind: 'new', digest });
  });

  it('answers a repeated id with the earlier answer, even after expiry', () => {
    expect(checkRequest(request, [answer], NOW)).toEqual({ kind: 'repeat', answer });
    expect(checkRequest(request, [answer], request.expiresAt + 1)).toEqual({ kind: 'repeat', answer });
  });

  it('refuses an id reused for different content', () => {
    const changed = { ...request, tx: { ...request.tx, value: '2' } };
    expect(() => checkRequest(changed, [answer], NOW)).toThrow(
      expect.objectContaining({ code: 'request_conflict' }) as Error,
    );
  });

  it('refuses an expired request', () => {
    expect(() => checkRequest(request, [], request.expiresAt)).toThrow(/expired/);
  });
});
