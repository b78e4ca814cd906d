import { describe, expect, it } from 'vitest';
import {
  context,
  DAY,
  eip2612Permit,
  MAX_UINT256,
  NOW,
  ROUTER,
  USDC,
} from '../../../../test/review/typedData/typedDataFixtures';
import { reviewTypedData } from './reviewTypedData';

const codes = (result: { findings: { code: string }[] }) => result.findings.map((finding) => finding.code);

describe('EIP-2612 Permit', () => {
  it('reads a limited permit as an allowance of the token the domain names', () => {
    const result = reviewTypedData(eip2612Permit(), context());
    expect(result.kind).toBe('eip2612-permit');
    expect(result.summary).toBe('Allow Uniswap Universal Router to spend 25 USDC');
    expect(result.grants).toEqual([
      {
        token: { address: USDC, name: 'USDC', source: 'token-list' },
        amount: { value: '25000000', decimals: 6, symbol: 'USDC', unlimited: false },
        tokenId: null,
        spender: { address: ROUTER, name: 'Uniswap Universal Router', source: 'label' },
        // The ERC-20 allowance a permit sets stands until spent or revoked.
        expires: null,
      },
    ]);
    expect(codes(result)).toEqual([]);
  });

  it('flags uint256 max as unlimited, and a deadline of uint256 max as lasting forever', () => {
    const result = reviewTypedData(eip2612Permit({ value: MAX_UINT256, deadline: MAX_UINT256 }), context());
    expect(result.summary).toBe('Allow Uniswap Universal Router to spend unlimited USDC');
    expect(codes(result)).toEqual(['unlimited-approval', 'long-deadline']);
    expect(result.findings[1]?.message).toMatch(/^What this signature allows never expires/);
  });

  it('says a permit whose deadline has passed does nothing', () => {
    const result = reviewTypedData(eip2612Permit({ deadline: NOW - DAY }), context());
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'expired-deadline', severity: 'info' }),
    ]);
    expect(result.findings[0]?.message).toMatch(/expired on 5 Dec 2026/);
  });

  it('shows an unknown token in base units, saying whose units they are', () => {
    const other = '0x1111111111111111111111111111111111111111';
    const result = reviewTypedData(eip2612Permit({}, { verifyingContract: other }), context());
    expect(result.grants[0]?.amount).toEqual({
      value: '25000000',
      decimals: 0,
      symbol: 'units of 0x1111…1111',
      unlimited: false,
    });
    expect(result.summary).toBe('Allow Uniswap Universal Router to spend 25,000,000 units of 0x1111…1111');
  });

  it('is not a permit without a token to permit (no verifyingContract)', () => {
    const data = eip2612Permit();
    const { verifyingContract: _contract, ...domain } = data.domain;
    data.domain = domain;
    data.types = {
      ...data.types,
      EIP712Domain: (data.types.EIP712Domain ?? []).filter((field) => field.name !== 'verifyingContract'),
    };
    expect(reviewTypedData(data, context()).kind).toBe('unknown');
  });
});
