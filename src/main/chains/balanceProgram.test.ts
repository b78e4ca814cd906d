import { describe, expect, it } from 'vitest';
import {
  answerBytes,
  assemble,
  BALANCE_PROGRAM,
  decodeBalanceAnswer,
  encodeBalanceQuery,
  OUT_OF_GAS,
} from './balanceProgram';
import { answerWireBytes, splitGrid } from './balanceReader';

const word = (n: bigint) => n.toString(16).padStart(64, '0');

describe('assemble', () => {
  it('pushes constants in the fewest bytes, PUSH1 for zero, and resolves labels to PUSH2 offsets', () => {
    expect(assemble([{ push: 0 }, { push: 0xff }, { push: 0x100 }, 'ADD'])).toBe('0x600060ff61010001');
    // JUMPDEST at 0; PUSH2 0x0000; JUMP.
    expect(assemble([{ label: 'top' }, { to: 'top' }, 'JUMP'])).toBe('0x5b61000056');
    expect(assemble([{ to: 'end' }, 'JUMP', { label: 'end' }])).toBe('0x610004565b');
  });

  it('refuses an undefined or doubled label and a constant that is not a word', () => {
    expect(() => assemble([{ to: 'nowhere' }])).toThrow(/nowhere is not defined/);
    expect(() => assemble([{ label: 'a' }, { label: 'a' }])).toThrow(/defined twice/);
    expect(() => assemble([{ push: 1n << 256n }])).toThrow(/cannot push/);
  });

  it('builds the balance program without PUSH0, and with the out-of-gas marker in it', () => {
    expect(BALANCE_PROGRAM).toMatch(/^0x(?:[0-9a-f]{2})+$/);
    expect(BALANCE_PROGRAM).toContain(`7f${OUT_OF_GAS.slice(2)}`);
    expect(Buffer.from(OUT_OF_GAS.slice(2), 'hex').toString('utf8')).toMatch(/^Ledgerline: out of gas\0+$/);
  });
});

describe('the wire format', () => {
  it('packs the two counts, the accounts, the feeds, then the tokens, the native coin as the zero address', () => {
    const a = `0x${'Ab'.repeat(20)}`;
    const f = `0x${'Cd'.repeat(20)}`;
    const t = `0x${'12'.repeat(20)}`;
    expect(encodeBalanceQuery({ accounts: [a], feeds: [f, f], tokens: [null, t] })).toBe(
      `0x${word(1n)}${word(2n)}${'ab'.repeat(20)}${'cd'.repeat(40)}${'00'.repeat(20)}${'12'.repeat(20)}`,
    );
  });

  it('decodes balances and the failure bitmap across words, and refuses an answer of another length', () => {
    const count = 300;
    const balances = Array.from({ length: count }, (_, i) => BigInt(i) * 10n ** 18n);
    // Balances 3 and 299 failed: bit 3 of the first bitmap word, bit 43 of the second.
    balances[3] = 0n;
    balances[299] = 0n;
    const data = `0x${[100n, 1_700_000_000n, ...balances, 1n << 3n, 1n << 43n].map(word).join('')}`;
    expect(data.length).toBe(2 + 2 * answerBytes(count, 0));
    const answer = decodeBalanceAnswer(data, count, 0);
    expect(answer).toMatchObject({ blockNumber: 100n, timestamp: 1_700_000_000n });
    expect(answer?.amounts.map((a, i) => (a === null ? i : -1)).filter((i) => i >= 0)).toEqual([3, 299]);
    expect(answer?.amounts[299 - 1]).toBe(298n * 10n ** 18n);
    expect(decodeBalanceAnswer('0x', count, 0)).toBeNull();
    expect(decodeBalanceAnswer(data.slice(0, -64), count, 0)).toBeNull();
    expect(decodeBalanceAnswer(`0x${word(1n)}${word(2n)}`, 0, 0)).toEqual({
      blockNumber: 1n,
      timestamp: 2n,
      amounts: [],
      rounds: [],
    });
  });

  it('decodes three words per feed after the bitmap: a signed answer, and null where updatedAt is 0', () => {
    const negative = (1n << 256n) - 5n;
    const feeds = [300_000_000_000n, 1_700_000_000n, 8n, negative, 1_700_000_100n, 18n, 0n, 0n, 0n];
    const data = `0x${[7n, 1_700_000_200n, 42n, 0n, ...feeds].map(word).join('')}`;
    expect(data.length).toBe(2 + 2 * answerBytes(1, 3));
    expect(decodeBalanceAnswer(data, 1, 3)).toEqual({
      blockNumber: 7n,
      timestamp: 1_700_000_200n,
      amounts: [42n],
      rounds: [
        { answer: 300_000_000_000n, updatedAt: 1_700_000_000, decimals: 8 },
        { answer: -5n, updatedAt: 1_700_000_100, decimals: 18 },
        null,
      ],
    });
    // The same words read as fewer feeds, or with a character that is not hex, are no answer at all.
    expect(decodeBalanceAnswer(data, 1, 2)).toBeNull();
    expect(decodeBalanceAnswer(`${data.slice(0, -1)}g`, 1, 3)).toBeNull();
  });
});

describe('splitGrid', () => {
  const sizes = (pieces: ReturnType<typeof splitGrid>) =>
    pieces.map((p) => (p.accounts[1] - p.accounts[0]) * (p.tokens[1] - p.tokens[0]));

  it('keeps each piece within the answer budget and covers the grid in query order', () => {
    const pieces = splitGrid(
      { accounts: 50, tokens: 201, feeds: 0 },
      { maxCalldataBytes: 0, maxResponseBytes: 100_000 },
    );
    expect(Math.max(...sizes(pieces).map((n) => answerWireBytes(n)))).toBeLessThanOrEqual(100_000);
    expect(sizes(pieces).reduce((a, b) => a + b, 0)).toBe(50 * 201);
    expect(pieces[0]?.accounts[0]).toBe(0);
    expect(pieces.at(-1)?.accounts[1]).toBe(50);
  });

  it('splits one account’s tokens when they alone pass the budget, and by gas as well as bytes', () => {
    const byBytes = splitGrid(
      { accounts: 2, tokens: 1_000, feeds: 0 },
      { maxCalldataBytes: 0, maxResponseBytes: 64 * 400 },
    );
    expect(byBytes.every((p) => p.accounts[1] - p.accounts[0] === 1)).toBe(true);
    expect(Math.max(...sizes(byBytes).map((n) => answerWireBytes(n)))).toBeLessThanOrEqual(64 * 400);
    expect(sizes(byBytes).reduce((a, b) => a + b, 0)).toBe(2_000);
    const byGas = splitGrid(
      { accounts: 10, tokens: 10, feeds: 0 },
      { maxCalldataBytes: 0, gasPerCall: 400_000 },
      8_000,
    );
    expect(Math.max(...sizes(byGas))).toBe(50);
    expect(splitGrid({ accounts: 0, tokens: 10, feeds: 3 }, { maxCalldataBytes: 0 })).toEqual([]);
  });

  it('leaves room in every piece for the feeds the first one carries', () => {
    const budget = { maxCalldataBytes: 0, maxResponseBytes: 64 * 400 };
    const withFeeds = splitGrid({ accounts: 2, tokens: 1_000, feeds: 10 }, budget);
    expect(answerWireBytes(sizes(withFeeds)[0] as number, 10)).toBeLessThanOrEqual(64 * 400);
    expect(sizes(withFeeds)[0]).toBeLessThan(
      sizes(splitGrid({ accounts: 2, tokens: 1_000, feeds: 0 }, budget))[0] as number,
    );
    // 400k gas at 8k a balance is 50 balances; each feed takes the room of four.
    const byGas = splitGrid(
      { accounts: 10, tokens: 10, feeds: 5 },
      { maxCalldataBytes: 0, gasPerCall: 400_000 },
      8_000,
    );
    expect(Math.max(...sizes(byGas))).toBe(30);
  });
});
