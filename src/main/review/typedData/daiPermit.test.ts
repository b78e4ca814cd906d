import { describe, expect, it } from 'vitest';
import {
  context,
  DAI,
  DAY,
  MAX_UINT256,
  NOW,
  OWNER,
  ROUTER,
} from '../../../../test/review/typedData/typedDataFixtures';
import type { TypedDataInput } from './typedDataValue';
import { reviewTypedData } from './reviewTypedData';

/** DAI's own permit as MakerDAO's contract checks it. */
function daiPermit(message: Record<string, unknown> = {}): TypedDataInput {
  return {
    domain: { name: 'Dai Stablecoin', version: '1', chainId: 1, verifyingContract: DAI },
    types: {
      Permit: [
        { name: 'holder', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'nonce', type: 'uint256' },
        { name: 'expiry', type: 'uint256' },
        { name: 'allowed', type: 'bool' },
      ],
    },
    primaryType: 'Permit',
    message: { holder: OWNER, spender: ROUTER, nonce: 3, expiry: NOW + DAY, allowed: true, ...message },
  };
}

describe("DAI's Permit", () => {
  it('reads allowed=true as an unlimited DAI allowance', () => {
    const result = reviewTypedData(daiPermit(), context());
    expect(result.kind).toBe('dai-permit');
    expect(result.summary).toBe('Allow Uniswap Universal Router to spend unlimited DAI');
    expect(result.grants[0]?.amount).toEqual({
      value: MAX_UINT256,
      decimals: 18,
      symbol: 'DAI',
      unlimited: true,
    });
    expect(result.findings.map((finding) => finding.code)).toEqual(['unlimited-approval']);
  });

  it('reads allowed=false as removing the permission', () => {
    const result = reviewTypedData(daiPermit({ allowed: false }), context());
    expect(result.summary).toBe("Remove Uniswap Universal Router's permission to spend DAI");
    expect(result.grants[0]?.amount.value).toBe('0');
    expect(result.findings.map((finding) => finding.code)).not.toContain('unlimited-approval');
  });

  it('reads an expiry of 0 as never expiring', () => {
    const result = reviewTypedData(daiPermit({ expiry: 0 }), context());
    expect(result.findings.map((finding) => finding.code)).toContain('long-deadline');
  });

  it('refuses a permit whose allowed is not a bool', () => {
    expect(() => reviewTypedData(daiPermit({ allowed: 1 }), context())).toThrow(
      /message\.allowed is number 1, not true or false/,
    );
  });
});
