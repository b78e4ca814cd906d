import { describe, expect, it } from 'vitest';
import { collectionApproval, unlimitedApproval } from './unlimitedApproval';

const token = {
  address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  name: 'USD Coin',
  source: 'token-list',
} as const;
const spender = {
  address: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
  name: null,
  source: 'none',
} as const;
const amount = (unlimited: boolean) => ({ value: '1000000', decimals: 6, symbol: 'USDC', unlimited });

describe('unlimitedApproval', () => {
  it('warns of an unlimited grant, naming the spender and the token', () => {
    const found = unlimitedApproval({ token, spender, amount: amount(true) });
    expect(found).toMatchObject({ code: 'unlimited-approval', severity: 'warning', overridable: false });
    expect(found?.message).toContain('0x3fC9…7FAD');
    expect(found?.message).toContain('all of your USD Coin');
    expect(found?.facts).toEqual([{ label: 'Spender', value: spender.address }]);
  });

  it('says nothing of a limited grant', () => {
    expect(unlimitedApproval({ token, spender, amount: amount(false) })).toBeNull();
  });
});

describe('collectionApproval', () => {
  const collection = {
    address: '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D',
    name: 'Apes',
    source: 'label',
  } as const;
  it('warns of an approval for a whole collection, and not of its revoke', () => {
    const found = collectionApproval({ collection, operator: spender, approved: true });
    expect(found).toMatchObject({ code: 'unlimited-approval', severity: 'warning' });
    expect(found?.message).toMatch(/^This lets 0x3fC9…7FAD move every item you hold of Apes/);
    expect(collectionApproval({ collection, operator: spender, approved: false })).toBeNull();
  });
});
