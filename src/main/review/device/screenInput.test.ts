import { describe, expect, it } from 'vitest';
import { carriesData, line, listedToken } from './screenInput';
import {
  UNLISTED_TOKEN,
  USDC,
  revokeAction,
  tokenTransferAction,
} from '../../../../test/review/deviceScreenFixtures';

describe('listedToken', () => {
  it("gives the review's symbol and decimals for the token the action names from a list", () => {
    expect(listedToken(tokenTransferAction(USDC, 1n), USDC)).toEqual({ symbol: 'USDC', decimals: 6 });
    expect(listedToken(revokeAction, USDC)).toEqual({ symbol: 'USDC', decimals: 6 });
  });

  it('gives nothing for another contract, an unnamed token, or an action without a token', () => {
    expect(listedToken(tokenTransferAction(USDC, 1n), UNLISTED_TOKEN)).toBeNull();
    expect(listedToken(tokenTransferAction(UNLISTED_TOKEN, 1n, ''), UNLISTED_TOKEN)).toBeNull();
    expect(listedToken({ type: 'cancel', nonce: 1 }, USDC)).toBeNull();
    expect(listedToken(tokenTransferAction(USDC, 1n), null)).toBeNull();
  });
});

describe('line and carriesData', () => {
  it('cuts a value to 400 characters with an ellipsis, and tells data from none', () => {
    expect(line('Data', 'x'.repeat(401)).value).toBe(`${'x'.repeat(399)}…`);
    expect(line('Data', 'x'.repeat(400)).value).toHaveLength(400);
    expect([carriesData('0x'), carriesData(''), carriesData('0x00')]).toEqual([false, false, true]);
  });
});
