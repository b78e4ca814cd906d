import { describe, expect, it } from 'vitest';
import { SELECTORS, callWords, decodeTwoWordCall, wordAddress } from './erc20Calls';
import { ALICE, transferData } from '../../../../test/review/deviceScreenFixtures';

describe('decodeTwoWordCall', () => {
  it('reads the recipient and amount of a transfer', () => {
    expect(decodeTwoWordCall(transferData(ALICE, 12_500_000n), SELECTORS.transfer)).toEqual({
      party: ALICE,
      amount: 12_500_000n,
    });
  });

  it('refuses another selector, extra or missing bytes, and an address word with dirty high bytes', () => {
    const data = transferData(ALICE, 1n);
    expect(decodeTwoWordCall(data, SELECTORS.approve)).toBeNull();
    expect(decodeTwoWordCall(`${data}00`, SELECTORS.transfer)).toBeNull();
    expect(decodeTwoWordCall(data.slice(0, -2), SELECTORS.transfer)).toBeNull();
    expect(decodeTwoWordCall(`${data.slice(0, 10)}ff${data.slice(12)}`, SELECTORS.transfer)).toBeNull();
    expect(decodeTwoWordCall(`${data.slice(0, 20)}zz${data.slice(22)}`, SELECTORS.transfer)).toBeNull();
  });
});

describe('callWords and wordAddress', () => {
  it('split exact word counts only', () => {
    expect(
      callWords(`${SELECTORS.setApprovalForAll}${'00'.repeat(64)}`, SELECTORS.setApprovalForAll, 2),
    ).toEqual([0n, 0n]);
    expect(callWords(SELECTORS.setApprovalForAll, SELECTORS.setApprovalForAll, 2)).toBeNull();
    expect(wordAddress(undefined)).toBeNull();
    expect(wordAddress(1n << 160n)).toBeNull();
    expect(wordAddress(1n)).toBe('0x0000000000000000000000000000000000000001');
  });
});
