import { describe, expect, it } from 'vitest';
import { phoneReviewFor } from '../../../test/companion/phoneReviewFixture';
import { signRequest } from '../../../test/companion/signRequestFixture';
import { decodeDesktopMessage, encodeMessage } from './messages';
import { PhoneReview } from './phoneReview';

const request = signRequest();
const review = phoneReviewFor(request, {
  findings: [
    { code: 'first-time-recipient', severity: 'info', message: 'You have not sent to Alice before.' },
  ],
  balanceChanges: [
    {
      account: { address: request.tx.to as string, name: 'Alice' },
      symbol: 'ETH',
      decimals: 18,
      delta: '1500000000000000000',
      tokenId: null,
    },
  ],
});
const finding = { code: 'reverts', severity: 'warning', message: 'It may fail.' } as const;
const change = review.balanceChanges[0] as PhoneReview['balanceChanges'][number];

describe('PhoneReview', () => {
  it('travels inside a sign message and comes out the same', () => {
    const message = { ...request, review };
    expect(decodeDesktopMessage(encodeMessage(message))).toEqual(message);
    expect(decodeDesktopMessage(encodeMessage(request))).toEqual(request);
  });

  it.each([
    ['31 findings', { findings: Array.from({ length: 31 }, () => finding) }, 'findings'],
    ['201 balance changes', { balanceChanges: Array.from({ length: 201 }, () => change) }, 'balanceChanges'],
    ['a summary of 301 characters', { summary: 'x'.repeat(301) }, 'summary'],
    [
      'a finding of 601 characters',
      { findings: [{ ...finding, message: 'x'.repeat(601) }] },
      'findings.0.message',
    ],
    ['a right-to-left override', { summary: 'Send 1 \u202EDSU' }, 'summary'],
    ['a line break', { note: 'one\ntwo' }, 'note'],
    [
      'a zero-width space in a symbol',
      { balanceChanges: [{ ...change, symbol: 'US\u200BDC' }] },
      'balanceChanges.0.symbol',
    ],
    ['a zero change', { balanceChanges: [{ ...change, delta: '0' }] }, 'balanceChanges.0.delta'],
    [
      'a change with leading zeros',
      { balanceChanges: [{ ...change, delta: '-01' }] },
      'balanceChanges.0.delta',
    ],
    [
      'a change beyond 256 bits',
      { balanceChanges: [{ ...change, delta: `-${2n ** 256n}` }] },
      'balanceChanges.0.delta',
    ],
    ['an unknown severity', { findings: [{ ...finding, severity: 'fatal' }] }, 'findings.0.severity'],
    ['a finding code that is not one', { findings: [{ ...finding, code: 'Reverts!' }] }, 'findings.0.code'],
    ['an extra field', { extra: true }, ''],
    ['an unknown action', { action: 'swap' }, 'action'],
    [
      'a data hash in capitals',
      { reviewed: { ...review.reviewed, dataHash: `0x${'AB'.repeat(32)}` } },
      'reviewed.dataHash',
    ],
  ])('refuses %s', (_, overrides, path) => {
    const parsed = PhoneReview.safeParse({ ...review, ...overrides });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('makes the whole sign message invalid, naming where', () => {
    const hostile = {
      ...request,
      review: { ...review, findings: Array.from({ length: 31 }, () => finding) },
    };
    expect(() => decodeDesktopMessage(encodeMessage(hostile))).toThrow(
      expect.objectContaining({
        code: 'invalid_message',
        message: expect.stringMatching(/review\.findings/),
      }),
    );
  });
});
