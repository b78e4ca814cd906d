import { describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../../shared/review';
import { toChecksumAddress } from '../../store/address';
import { noCode } from './noCode';

const USDC = toChecksumAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
const PERMIT2 = toChecksumAddress('0x000000000022d473030f116ddee9f6b43ac78ba3');
const ODD = toChecksumAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');
const eth = { value: '0', decimals: 18, symbol: 'ETH', unlimited: false };
const usdc = { address: USDC, name: 'USDC', source: 'token-list' } as const;
const odd = { address: ODD, name: null, source: 'none' } as const;
const transfer: ReviewAction = {
  type: 'token-transfer',
  token: usdc,
  to: odd,
  amount: { ...eth, decimals: 6, symbol: 'USDC' },
};
const facts = (action: ReviewAction, to: string, toCode: string | null) => ({
  action,
  to: toChecksumAddress(to),
  toCode,
  chainId: 8453,
  chainName: () => 'Base',
});

describe('noCode', () => {
  it('warns of a token transfer whose token has no code on this chain', () => {
    expect(noCode(facts(transfer, USDC, '0x'))).toMatchObject({
      code: 'no-code',
      severity: 'warning',
      message:
        'USDC has no contract code on Base: there is no token there, and the transaction will do nothing. Check the address and the network.',
      facts: [{ label: 'Address', value: USDC }],
    });
  });

  it('warns of a call with data to an address without code', () => {
    const call: ReviewAction = { type: 'contract-call', to: odd, method: 'claim()', value: eth };
    expect(noCode(facts(call, ODD, '0x'))?.message).toMatch(
      /^0x3C44…93BC has no contract code on Base: the call will do nothing/,
    );
  });

  it('names the contract called, not the token, for a Permit2 approval', () => {
    const approval: ReviewAction = {
      type: 'approval',
      token: usdc,
      spender: odd,
      amount: { ...eth, symbol: 'USDC' },
    };
    expect(noCode(facts(approval, PERMIT2, '0x'))?.message).toMatch(
      /^0x0000…8BA3 has no contract code on Base: there is no contract there/,
    );
  });

  it('says nothing for code, unread code, or a plain coin send', () => {
    expect(noCode(facts(transfer, USDC, '0x6080'))).toBeNull();
    expect(noCode(facts(transfer, USDC, null))).toBeNull();
    const send: ReviewAction = { type: 'native-transfer', to: odd, amount: eth };
    expect(noCode(facts(send, ODD, '0x'))).toBeNull();
  });
});
