import { describe, expect, it } from 'vitest';
import { ALICE, BOB, fixturePortfolio, USDC } from '../../../test/renderer/portfolioFixture';
import { nameFor, recipientOf, sentAmount } from './outgoingWords';

const ETH = { decimals: 18, symbol: 'ETH' };
const contact = (address: string, chainId: number | null, name: string) => ({
  address,
  chainId,
  name,
  note: '',
});

describe('outgoing words', () => {
  it('reads a token transfer’s recipient and exact amount, and a plain send’s value', () => {
    const transfer = { token: USDC, recipient: BOB, amount: '1234567' };
    const tokens = fixturePortfolio().tokens;
    expect(recipientOf({ to: USDC, transfer })).toBe(BOB);
    expect(recipientOf({ to: BOB, transfer: null })).toBe(BOB);
    expect(sentAmount({ chainId: 1, value: '0', transfer }, ETH, tokens)).toBe('1.234567 USDC');
    // The same address on a chain where the wallet lists no such token: no decimals are guessed.
    expect(sentAmount({ chainId: 10, value: '0', transfer }, ETH, tokens)).toBe(
      `1234567 base units of ${USDC}`,
    );
    expect(sentAmount({ chainId: 1, value: '10000000000000000', transfer: null }, ETH, tokens)).toBe(
      '0.01 ETH',
    );
    expect(sentAmount({ chainId: 1, value: '0', transfer: null }, ETH, tokens)).toBeNull();
  });

  it('names an own account first, then a contact for the chain, then one for every chain, then a label', () => {
    const names = {
      contacts: [contact(BOB, null, 'Bob anywhere'), contact(BOB, 1, 'Bob on Ethereum')],
      labels: [{ ...contact(ALICE, null, 'Alice label'), kind: 'eoa' as const }],
    };
    const accounts = [{ address: ALICE.toUpperCase().replace('0X', '0x'), label: 'Treasury' }];
    expect(nameFor(ALICE, 1, accounts, names)).toBe('Treasury');
    expect(nameFor(ALICE, 1, [{ address: ALICE, label: '' }], names)).toBe('Alice label');
    expect(nameFor(BOB, 1, accounts, names)).toBe('Bob on Ethereum');
    expect(nameFor(BOB, 10, accounts, names)).toBe('Bob anywhere');
    expect(nameFor(BOB, 1, accounts, null)).toBeNull();
  });
});
