import { describe, expect, it } from 'vitest';
import { requestDigest } from '../core/phoneKeys';
import { requestTransaction } from '../core/signRequest';
import { NOW, signRequest } from '../../../test/companion/signRequestFixture';
import { reviewedRequest } from '../../../test/companion/phoneReviewFixture';
import { immediateAnswer } from './requestAnswers';

const request = signRequest();
const digest = requestDigest(requestTransaction(request));
const other = signRequest({}, { value: '2' });
const SIGNATURE = { r: `0x${'ab'.repeat(32)}`, s: `0x${'cd'.repeat(32)}`, yParity: 0 as const };

describe('immediateAnswer', () => {
  it('leaves a new request to the user', () => {
    expect(immediateAnswer(request, { answered: [], held: undefined, now: NOW })).toBeNull();
    expect(immediateAnswer(request, { answered: [], held: request, now: NOW })).toBeNull();
  });

  it('gives a retried request the answer given before', () => {
    const signed = [{ id: request.id, digest, signature: SIGNATURE, answeredAt: NOW }];
    expect(immediateAnswer(request, { answered: signed, held: undefined, now: NOW })).toEqual({
      t: 'signed',
      id: request.id,
      signature: SIGNATURE,
    });
    const rejected = [{ id: request.id, digest, signature: null, answeredAt: NOW }];
    expect(immediateAnswer(request, { answered: rejected, held: undefined, now: NOW })).toEqual({
      t: 'rejected',
      id: request.id,
      reason: 'Rejected on the phone.',
    });
  });

  it('refuses an id reused for another transaction, answered or still held', () => {
    const reused = {
      t: 'rejected',
      id: request.id,
      reason: 'This request id was used for another transaction.',
    };
    const answered = [{ id: request.id, digest, signature: SIGNATURE, answeredAt: NOW }];
    expect(immediateAnswer(other, { answered, held: undefined, now: NOW })).toEqual(reused);
    expect(immediateAnswer(other, { answered: [], held: request, now: NOW })).toEqual(reused);
  });

  it('refuses a request that expired before the phone saw it', () => {
    expect(immediateAnswer(request, { answered: [], held: undefined, now: request.expiresAt })).toEqual({
      t: 'rejected',
      id: request.id,
      reason: 'The request expired before the phone saw it.',
    });
  });

  it('refuses without asking what the desktop blocked, or a review that contradicts the transaction', () => {
    const blocked = reviewedRequest({ blocked: true });
    expect(immediateAnswer(blocked, { answered: [], held: undefined, now: NOW })).toEqual({
      t: 'rejected',
      id: blocked.id,
      reason: 'Your desktop blocked this transaction. Nothing was signed.',
    });
    const contradicting = reviewedRequest({ counterparty: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' });
    expect(immediateAnswer(contradicting, { answered: [], held: undefined, now: NOW })).toMatchObject({
      t: 'rejected',
      reason: expect.stringMatching(
        /^The desktop names 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC as recipient/,
      ),
    });
    expect(immediateAnswer(reviewedRequest(), { answered: [], held: undefined, now: NOW })).toBeNull();
  });

  it('still gives an answered request its signature, whatever review comes with the retry', () => {
    const signed = [{ id: request.id, digest, signature: SIGNATURE, answeredAt: NOW }];
    expect(
      immediateAnswer(reviewedRequest({ blocked: true }), { answered: signed, held: undefined, now: NOW }),
    ).toEqual({
      t: 'signed',
      id: request.id,
      signature: SIGNATURE,
    });
  });
});
