import { describe, expect, it } from 'vitest';
import { context, NOW, ROUTER, USDC } from '../../../../test/review/typedData/typedDataFixtures';
import { decoded, tokenAllowance } from './decoded';
import { nameGrant } from './typedDataGrants';
import { typedDataSummary } from './typedDataSummary';

const names = { chainId: 1, party: context().party, token: context().token };
const base = { receives: [], delegate: null, primaryType: 'PermitSingle', app: 'Permit2' };

describe('typedDataSummary', () => {
  it('says what an unknown type is for', () => {
    expect(
      typedDataSummary({ ...base, decoded: null, grants: [], primaryType: 'Mail', app: 'Ether Mail' }),
    ).toBe('Sign Mail for Ether Mail');
  });

  it('lists a batch of many tokens in a readable line', () => {
    const grants = Array.from({ length: 5 }, (_, index) =>
      nameGrant(tokenAllowance(USDC, BigInt(index + 1) * 1_000_000n, ROUTER, NOW), names),
    );
    const summary = typedDataSummary({
      ...base,
      decoded: decoded('permit2-batch', { grants: [], deadline: { usableUntil: NOW, lastsUntil: NOW } }),
      grants,
    });
    expect(summary).toBe(
      'Allow Uniswap Universal Router to spend 1 USDC, 2 USDC, 3 USDC and 2 more until 6 Dec 2026',
    );
  });

  it('stays within 300 characters whatever the names', () => {
    const long = {
      ...names,
      party: (address: string) => ({ address, name: 'N'.repeat(100), source: 'label' as const }),
    };
    const grants = [nameGrant(tokenAllowance(USDC, 1n, ROUTER, null), long)];
    const summary = typedDataSummary({
      ...base,
      decoded: null,
      grants,
      primaryType: 'T'.repeat(100),
      app: 'A'.repeat(250),
    });
    expect(summary).toHaveLength(300);
    expect(summary.endsWith('…')).toBe(true);
  });
});
