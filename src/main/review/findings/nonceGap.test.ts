import { describe, expect, it } from 'vitest';
import { nonceGap } from './nonceGap';

describe('nonceGap', () => {
  it('warns of a nonce above the pending count, listing the missing ones', () => {
    expect(nonceGap({ nonce: 7, pendingNonce: 5, ownOpenNonces: [] })).toEqual({
      code: 'nonce-gap',
      severity: 'warning',
      overridable: false,
      message:
        'This transaction uses nonce 7, but nothing is being sent with nonces 5, 6. It will wait, unmined, until transactions with those are sent; use nonce 5 unless you mean to.',
      facts: [
        { label: 'Nonce', value: '7' },
        { label: 'Next on the network', value: '5' },
      ],
      fix: null,
    });
  });

  it('counts the wallet’s own open transactions as filling the gap', () => {
    expect(nonceGap({ nonce: 7, pendingNonce: 5, ownOpenNonces: [5, 6] })).toBeNull();
    expect(nonceGap({ nonce: 7, pendingNonce: 5, ownOpenNonces: [5] })?.message).toContain('with nonce 6.');
  });

  it('lists a few and says there are more, however wide the gap', () => {
    expect(nonceGap({ nonce: 1_000_000_000, pendingNonce: 0, ownOpenNonces: [1] })?.message).toContain(
      'nonces 0, 2, 3 and more.',
    );
  });

  it('says nothing for the next nonce or a replacement below it', () => {
    expect(nonceGap({ nonce: 5, pendingNonce: 5, ownOpenNonces: [] })).toBeNull();
    expect(nonceGap({ nonce: 3, pendingNonce: 5, ownOpenNonces: [3] })).toBeNull();
  });
});
