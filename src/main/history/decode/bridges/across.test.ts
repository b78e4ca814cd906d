import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER, address, eventLog, rawTx } from '../../../../../test/history/decodeFixtures';
import { ACROSS_ABI, ACROSS_SPOKE_POOLS, decodeAcross } from './across';

const TOKEN_ETH = address('usdc on ethereum');
const TOKEN_BASE = address('usdc on base');
const word = (value: string) => `0x${value.slice(2).toLowerCase().padStart(64, '0')}`;

describe('decodeAcross', () => {
  it('keys a deposit and its fill on the other chain alike', () => {
    const deposit = rawTx({
      chainId: 1,
      logs: [
        eventLog(ACROSS_ABI, ACROSS_SPOKE_POOLS[1] as string, 'FundsDeposited', [
          word(TOKEN_ETH),
          word(TOKEN_BASE),
          1_000_000n,
          990_000n,
          8453n,
          77n,
          1,
          2,
          3,
          word(ACCOUNT),
          word(ACCOUNT),
          word('0x00'),
          '0x',
        ]),
      ],
    });
    const fill = rawTx({
      chainId: 8453,
      from: OTHER,
      logs: [
        eventLog(ACROSS_ABI, ACROSS_SPOKE_POOLS[8453] as string, 'FilledRelay', [
          word(TOKEN_ETH),
          word(TOKEN_BASE),
          1_000_000n,
          990_000n,
          8453n,
          1n,
          77n,
          2,
          3,
          word('0x00'),
          word(OTHER),
          word(ACCOUNT),
          word(ACCOUNT),
          word('0x00'),
          [word(ACCOUNT), word('0x00'), 990_000n, 0],
        ]),
      ],
    });
    const [source] = decodeAcross(deposit);
    const [destination] = decodeAcross(fill);
    expect(source?.leg).toEqual({
      protocol: 'across',
      role: 'source',
      key: 'across:1:77',
      fromChainId: 1,
      toChainId: 8453,
      token: TOKEN_ETH,
      amount: 1_000_000n,
    });
    expect(destination?.leg).toEqual({
      protocol: 'across',
      role: 'destination',
      key: 'across:1:77',
      fromChainId: 1,
      toChainId: 8453,
      token: TOKEN_BASE,
      amount: 990_000n,
    });
    expect(destination?.parties).toContain(ACCOUNT);
  });

  it('decodes the pre-3.5 address forms with the same key', () => {
    const deposit = rawTx({
      chainId: 10,
      logs: [
        eventLog(ACROSS_ABI, ACROSS_SPOKE_POOLS[10] as string, 'V3FundsDeposited', [
          TOKEN_ETH,
          TOKEN_BASE,
          5n,
          4n,
          42161n,
          9,
          1,
          2,
          3,
          ACCOUNT,
          ACCOUNT,
          OTHER,
          '0x',
        ]),
      ],
    });
    const fill = rawTx({
      chainId: 42161,
      logs: [
        eventLog(ACROSS_ABI, ACROSS_SPOKE_POOLS[42161] as string, 'FilledV3Relay', [
          TOKEN_ETH,
          TOKEN_BASE,
          5n,
          4n,
          42161n,
          10n,
          9,
          2,
          3,
          OTHER,
          OTHER,
          ACCOUNT,
          ACCOUNT,
          '0x',
          [ACCOUNT, '0x', 4n, 0],
        ]),
      ],
    });
    expect(decodeAcross(deposit)[0]?.leg.key).toBe('across:10:9');
    expect(decodeAcross(fill)[0]?.leg).toMatchObject({ key: 'across:10:9', amount: 4n, toChainId: 42161 });
  });

  it('ignores look-alike events from other contracts and non-EVM tokens', () => {
    const args = [
      word(TOKEN_ETH),
      `0x${'ff'.repeat(32)}`,
      1n,
      1n,
      10n,
      1n,
      1,
      2,
      3,
      word(ACCOUNT),
      word(ACCOUNT),
      word('0x00'),
      '0x',
    ];
    const elsewhere = rawTx({ logs: [eventLog(ACROSS_ABI, OTHER, 'FundsDeposited', args)] });
    expect(decodeAcross(elsewhere)).toEqual([]);
    const toSolana = rawTx({
      logs: [
        eventLog(ACROSS_ABI, ACROSS_SPOKE_POOLS[1] as string, 'FundsDeposited', [
          `0x${'ee'.repeat(32)}`,
          ...args.slice(1),
        ]),
      ],
    });
    expect(decodeAcross(toSolana)).toEqual([]);
  });
});
