import { describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../../shared/review';
import { toChecksumAddress } from '../../store/address';
import { recipientIsToken } from './recipientIsToken';

const USDC = toChecksumAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
const DAI = toChecksumAddress('0x6b175474e89094c44da98b954eedeac495271d0f');
const ALICE = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const sendUsdc = (to: string, name: string | null = null): ReviewAction => ({
  type: 'token-transfer',
  token: { address: USDC, name: 'USDC', source: 'token-list' },
  to: { address: to, name, source: name ? 'token-list' : 'none' },
  amount: { value: '1', decimals: 6, symbol: 'USDC', unlimited: false },
});

describe('recipientIsToken', () => {
  it('warns, in plain danger words, of tokens sent to their own contract', () => {
    const found = recipientIsToken({ action: sendUsdc(USDC, 'USDC'), tokenAddresses: new Set() });
    expect(found).toMatchObject({ code: 'recipient-is-token', severity: 'warning' });
    expect(found?.message).toMatch(/^USDC is a token contract, not anyone's account\. .*lost for good/);
  });

  it('warns of a send to any listed token, the native coin included', () => {
    expect(recipientIsToken({ action: sendUsdc(DAI), tokenAddresses: new Set([DAI]) })?.code).toBe(
      'recipient-is-token',
    );
    const native: ReviewAction = {
      type: 'native-transfer',
      to: { address: DAI, name: 'DAI', source: 'token-list' },
      amount: { value: '1', decimals: 18, symbol: 'ETH', unlimited: false },
    };
    expect(recipientIsToken({ action: native, tokenAddresses: new Set([DAI]) })?.code).toBe(
      'recipient-is-token',
    );
  });

  it('says nothing for a person’s account', () => {
    expect(recipientIsToken({ action: sendUsdc(ALICE), tokenAddresses: new Set([DAI]) })).toBeNull();
  });
});
