import { AbiCoder } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { feedCalls, LATEST_ROUND_DATA, roundFromResults, roundFromWords } from './feedRound';

const abi = AbiCoder.defaultAbiCoder();
const roundData = (answer: bigint, updatedAt: bigint) =>
  abi.encode(
    ['uint80', 'int256', 'uint256', 'uint256', 'uint80'],
    [9n, answer, updatedAt - 5n, updatedAt, 9n],
  );
const ok = (returnData: string) => ({ ok: true as const, returnData });
const eight = ok(abi.encode(['uint8'], [8]));

describe('roundFromWords', () => {
  it('reads the answer as an int256, so a negative price stays negative for the valuer to refuse', () => {
    expect(roundFromWords((1n << 256n) - 1n, 1_700_000_000n, 8n)).toEqual({
      answer: -1n,
      updatedAt: 1_700_000_000,
      decimals: 8,
    });
  });

  it.each([
    ['updatedAt 0 (not read, or never reported)', 5n, 0n, 8n],
    ['decimals past a uint8', 5n, 1_700_000_000n, 256n],
    ['a time past any date', 5n, 1n << 64n, 8n],
  ])('is null for %s', (_, answer, updatedAt, decimals) => {
    expect(roundFromWords(answer, updatedAt, decimals)).toBeNull();
  });
});

describe('roundFromResults', () => {
  it('reads the answer and updatedAt of latestRoundData with the decimals', () => {
    expect(roundFromResults(ok(roundData(-42n, 1_700_000_000n)), eight)).toEqual({
      answer: -42n,
      updatedAt: 1_700_000_000,
      decimals: 8,
    });
  });

  it.each([
    ['a failed latestRoundData', { ok: false as const }, eight],
    ['a failed decimals', ok(roundData(1n, 10n)), { ok: false as const }],
    ['a latestRoundData one word short', ok(roundData(1n, 10n).slice(0, -64)), eight],
    ['a latestRoundData one word long', ok(`${roundData(1n, 10n)}${'00'.repeat(32)}`), eight],
    ['a one-byte decimals', ok(roundData(1n, 10n)), ok('0x08')],
  ])('is null for %s', (_, round, decimals) => {
    expect(roundFromResults(round, decimals)).toBeNull();
  });

  it('asks each feed for latestRoundData, then decimals', () => {
    expect(feedCalls('0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419')).toEqual([
      { target: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419', callData: LATEST_ROUND_DATA },
      { target: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419', callData: '0x313ce567' },
    ]);
  });
});
