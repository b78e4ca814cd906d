import { describe, expect, it } from 'vitest';
import { requestDigest } from '../core/phoneKeys';
import { requestTransaction } from '../core/signRequest';
import { NOW, signRequest } from '../../../test/companion/signRequestFixture';
import { reviewedRequest } from '../../../test/companion/phoneReviewFixture';
import { LEDGER_OWNER, PHONE, safeRequest } from '../../../test/companion/safeRequestFixture';
import { immediateAnswer, requestContentDigest } from './requestAnswers';

const request = signRequest();
const digest = requestDigest(requestTransaction(request));
const other = signRequest({}, { value: '2' });
const SIGNATURE = { r: `0x${'ab'.repeat(32)}`, s: `0x${'cd'.repeat(32)}`, yParity: 0 as const };

describe('immediateAnswer', () => {
  it('leaves a new request to the user', () => {
    expect(immediateAnswer(request, { answered: [], held: undefined, now: NOW, phone: PHONE })).toBeNull();
    expect(immediateAnswer(request, { answered: [], held: request, now: NOW, phone: PHONE })).toBeNull();
  });

  it('gives a retried request the answer given before', () => {
    const signed = [{ id: request.id, digest, signature: SIGNATURE, answeredAt: NOW }];
    expect(immediateAnswer(request, { answered: signed, held: undefined, now: NOW, phone: PHONE })).toEqual({
      t: 'signed',
      id: request.id,
      signature: SIGNATURE,
    });
    const rejected = [{ id: request.id, digest, signature: null, answeredAt: NOW }];
    expect(immediateAnswer(request, { answered: rejected, held: undefined, now: NOW, phone: PHONE })).toEqual(
      {
        t: 'rejected',
        id: request.id,
        reason: 'Rejected on the phone.',
      },
    );
  });

  it('refuses an id reused for another transaction, answered or still held', () => {
    const reused = {
      t: 'rejected',
      id: request.id,
      reason: 'This request id was used for another transaction.',
    };
    const answered = [{ id: request.id, digest, signature: SIGNATURE, answeredAt: NOW }];
    expect(immediateAnswer(other, { answered, held: undefined, now: NOW, phone: PHONE })).toEqual(reused);
    expect(immediateAnswer(other, { answered: [], held: request, now: NOW, phone: PHONE })).toEqual(reused);
  });

  it('refuses a request that expired before the phone saw it', () => {
    expect(
      immediateAnswer(request, { answered: [], held: undefined, now: request.expiresAt, phone: PHONE }),
    ).toEqual({
      t: 'rejected',
      id: request.id,
      reason: 'The request expired before the phone saw it.',
    });
  });

  it('refuses without asking what the desktop blocked, or a review that contradicts the transaction', () => {
    const blocked = reviewedRequest({ blocked: true });
    expect(immediateAnswer(blocked, { answered: [], held: undefined, now: NOW, phone: PHONE })).toEqual({
      t: 'rejected',
      id: blocked.id,
      reason: 'Your desktop blocked this transaction. Nothing was signed.',
    });
    const contradicting = reviewedRequest({ counterparty: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' });
    expect(
      immediateAnswer(contradicting, { answered: [], held: undefined, now: NOW, phone: PHONE }),
    ).toMatchObject({
      t: 'rejected',
      reason: expect.stringMatching(
        /^The desktop names 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC as recipient/,
      ),
    });
    expect(
      immediateAnswer(reviewedRequest(), { answered: [], held: undefined, now: NOW, phone: PHONE }),
    ).toBeNull();
  });

  it('still gives an answered request its signature, whatever review comes with the retry', () => {
    const signed = [{ id: request.id, digest, signature: SIGNATURE, answeredAt: NOW }];
    expect(
      immediateAnswer(reviewedRequest({ blocked: true }), {
        answered: signed,
        held: undefined,
        now: NOW,
        phone: PHONE,
      }),
    ).toEqual({
      t: 'signed',
      id: request.id,
      signature: SIGNATURE,
    });
  });

  describe('for a Safe request', () => {
    const safe = safeRequest();
    const none = { answered: [], held: undefined, now: NOW, phone: PHONE };

    it('leaves one that checks out to the user, and repeats its answer by id', () => {
      expect(requestContentDigest(safe)).toBe(safe.safeTxHash);
      expect(immediateAnswer(safe, none)).toBeNull();
      const signed = [{ id: safe.id, digest: safe.safeTxHash, signature: SIGNATURE, answeredAt: NOW }];
      expect(immediateAnswer(safe, { ...none, answered: signed })).toEqual({
        t: 'signed',
        id: safe.id,
        signature: SIGNATURE,
      });
      const moved = safeRequest({}, { nonce: '1' });
      expect(immediateAnswer(moved, { ...none, held: safe })).toMatchObject({
        reason: expect.stringMatching(/used for another/),
      });
    });

    it('refuses a hash that does not match, even under an id it answered, and a Safe the phone does not own', () => {
      const tampered = safeRequest({ safeTxHash: safeRequest({}, { value: '1' }).safeTxHash });
      const signed = [{ id: safe.id, digest: safe.safeTxHash, signature: SIGNATURE, answeredAt: NOW }];
      expect(immediateAnswer(tampered, { ...none, answered: signed })).toEqual({
        t: 'rejected',
        id: safe.id,
        reason: expect.stringMatching(
          /^The Safe transaction hash the desktop sent does not match .* Nothing was signed\.$/,
        ),
      });
      const notOwner = safeRequest({ owners: [LEDGER_OWNER], threshold: 1 });
      expect(immediateAnswer(notOwner, none)).toMatchObject({
        t: 'rejected',
        reason: expect.stringMatching(/is not an owner/),
      });
    });
  });
});
