import { describe, expect, it } from 'vitest';
import { TypedDataReview } from '../../../shared/review';
import {
  context,
  DAI,
  DAY,
  MAX_UINT160,
  MAX_UINT48,
  NOW,
  OWNER,
  PERMIT2,
  permit2Single,
  ROUTER,
  STRANGER,
  USDC,
} from '../../../../test/review/typedData/typedDataFixtures';
import { reviewTypedData } from './reviewTypedData';

const review = (data: Parameters<typeof reviewTypedData>[0], overrides = {}) =>
  reviewTypedData(data, context(overrides));
const codes = (result: { findings: { code: string }[] }) => result.findings.map((finding) => finding.code);

describe('Permit2 PermitSingle', () => {
  it('reads a Uniswap-style unlimited permit as an unlimited USDC allowance for the router', () => {
    const result = review(permit2Single());
    expect(result.kind).toBe('permit2-single');
    expect(result.summary).toBe('Allow Uniswap Universal Router to spend unlimited USDC until 5 Jan 2027');
    expect(result.verifyingContract).toEqual({ address: PERMIT2, name: 'Permit2', source: 'known-contract' });
    expect(result.grants).toEqual([
      {
        token: { address: USDC, name: 'USDC', source: 'token-list' },
        amount: { value: MAX_UINT160, decimals: 6, symbol: 'USDC', unlimited: true },
        tokenId: null,
        spender: { address: ROUTER, name: 'Uniswap Universal Router', source: 'label' },
        expires: NOW + 30 * DAY,
      },
    ]);
    expect(codes(result)).toEqual(['unlimited-approval']);
    expect(result.tree.map((node) => node.name)).toEqual(['details', 'spender', 'sigDeadline']);
    // What the lead sends to the renderer must pass the shared schema.
    expect(() => TypedDataReview.parse({ ...result, device: null, blocked: false })).not.toThrow();
  });

  it('reads a limited amount with its decimals, and one below the uint160 maximum is not unlimited', () => {
    const result = review(permit2Single({ amount: '25000000' }));
    expect(result.summary).toBe('Allow Uniswap Universal Router to spend 25 USDC until 5 Jan 2027');
    expect(result.grants[0]?.amount.unlimited).toBe(false);
    const almost = review(permit2Single({ amount: (2n ** 160n - 2n).toString() }));
    expect(almost.grants[0]?.amount.unlimited).toBe(false);
  });

  it('warns of an allowance that never ends (uint48 maximum) and of a spender without code', () => {
    const result = review(permit2Single({ expiration: MAX_UINT48 }, { spender: STRANGER }));
    expect(result.summary).toBe('Allow 0x3C44…93BC to spend unlimited USDC with no end date');
    expect(result.grants[0]?.expires).toBeNull();
    expect(codes(result)).toEqual(['unlimited-approval', 'approval-to-no-code', 'long-deadline']);
  });

  it('makes an expiration of 0 last no longer than the signature deadline', () => {
    const result = review(permit2Single({ expiration: 0 }));
    expect(result.grants[0]?.expires).toBe(NOW + 30 * 60);
  });

  it('is not Permit2 at another address or under another name: reviewed as an unknown type', () => {
    const elsewhere = permit2Single();
    elsewhere.domain = { ...elsewhere.domain, verifyingContract: STRANGER };
    expect(review(elsewhere).kind).toBe('unknown');
    const renamed = permit2Single();
    renamed.domain = { ...renamed.domain, name: 'Permit3' };
    expect(review(renamed)).toMatchObject({ kind: 'unknown', summary: 'Sign PermitSingle for Permit3' });
  });

  it('is not Permit2 when a field has another type', () => {
    const data = permit2Single();
    data.types = {
      ...data.types,
      PermitDetails: (data.types.PermitDetails ?? []).map((field) =>
        field.name === 'amount' ? { ...field, type: 'uint256' } : field,
      ),
    };
    expect(review(data).kind).toBe('unknown');
  });
});

describe('Permit2 PermitBatch', () => {
  const details = { token: USDC, amount: MAX_UINT160, expiration: NOW + 10 * DAY, nonce: 1 };
  const batch = () => {
    const single = permit2Single();
    return {
      ...single,
      types: {
        ...single.types,
        PermitBatch: (single.types.PermitSingle ?? []).map((field) =>
          field.name === 'details' ? { ...field, type: 'PermitDetails[]' } : field,
        ),
      },
      primaryType: 'PermitBatch',
      message: {
        details: [
          details,
          { ...details, token: DAI, amount: '5000000000000000000', expiration: NOW + 20 * DAY },
        ],
        spender: ROUTER,
        sigDeadline: NOW + 600,
      },
    };
  };

  it('reads one allowance per token, until the latest expiration', () => {
    const result = review(batch());
    expect(result.kind).toBe('permit2-batch');
    expect(result.summary).toBe(
      'Allow Uniswap Universal Router to spend unlimited USDC and 5 DAI until 26 Dec 2026',
    );
    expect(result.grants.map((grant) => [grant.token.name, grant.amount.value, grant.expires])).toEqual([
      ['USDC', MAX_UINT160, NOW + 10 * DAY],
      ['DAI', '5000000000000000000', NOW + 20 * DAY],
    ]);
    expect(result.from.address).toBe(OWNER);
  });

  it('refuses a batch larger than a review can show', () => {
    const data = batch();
    data.message.details = Array.from({ length: 101 }, () => details);
    expect(() => review(data)).toThrow(/moves 101 items, more than the 100 a review shows/);
  });
});
