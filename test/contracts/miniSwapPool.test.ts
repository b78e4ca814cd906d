import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { decodeActivity } from '../../src/main/history/decode/decodeActivity';
import type { TokenLookup } from '../../src/main/history/activity';
import { toChecksumAddress } from '../../src/main/store/address';
import {
  ANVIL_DEV_ACCOUNT,
  anvilCall,
  chainBalances,
  deployToken,
  fixtureAddress,
  setTokenBalances,
} from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { deployMiniSwapPool } from './deployDoubles';
import { ERC20_ABI } from './erc20';
import { MINI_SWAP_POOL_ABI } from './miniSwapPool';
import { sendRaw } from './rawTransactionFromAnvil';

const nodes = useAnvilChains([31337]);
const url = () => nodes[0]?.url as string;
const erc20 = new Interface(ERC20_ABI);
const pool = new Interface(MINI_SWAP_POOL_ABI);
const USER = toChecksumAddress(ANVIL_DEV_ACCOUNT);
const SPENDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const DOLLAR = toChecksumAddress(fixtureAddress('swap', 'dollar'));
const EURO = toChecksumAddress(fixtureAddress('swap', 'euro'));
const POOL = toChecksumAddress(fixtureAddress('swap', 'pool'));
const MAX = (1n << 256n) - 1n;
const tokens: TokenLookup = (_chainId, token) =>
  token === DOLLAR
    ? { symbol: 'TUSD', decimals: 6 }
    : token === EURO
      ? { symbol: 'TEUR', decimals: 6 }
      : undefined;

async function setUp() {
  for (const [token, symbol] of [
    [DOLLAR, 'TUSD'],
    [EURO, 'TEUR'],
  ] as const) {
    await deployToken(url(), token, { name: symbol, symbol, decimals: 6, totalSupply: 10n ** 15n });
    await setTokenBalances(url(), token, [[POOL, 1_000_000_000n]]);
  }
  await setTokenBalances(url(), DOLLAR, [
    [USER, 50_000_000n],
    [POOL, 1_000_000_000n],
  ]);
  await deployMiniSwapPool(url(), POOL);
}

describe('ERC-20 approvals and the swap pool on anvil', () => {
  it('approve, transferFrom and revoke behave as ERC-20 and decode as approval and revoke', async () => {
    await setUp();
    const approve = (amount: bigint) =>
      sendRaw(url(), {
        from: USER,
        to: DOLLAR,
        data: erc20.encodeFunctionData('approve', [SPENDER, amount]),
      });

    expect(decodeActivity(await approve(5_000_000n), USER, tokens)).toEqual({
      kind: 'approval',
      method: 'approve',
      assets: [],
      bridgeLegs: [],
      approval: { token: DOLLAR, spender: SPENDER, amount: 5_000_000n, unlimited: false },
    });
    const pulled = await sendRaw(url(), {
      from: SPENDER,
      to: DOLLAR,
      data: erc20.encodeFunctionData('transferFrom', [USER, SPENDER, 2_000_000n]),
    });
    expect(decodeActivity(pulled, USER, tokens)).toMatchObject({
      kind: 'send',
      assets: [{ token: DOLLAR, symbol: 'TUSD', amount: '2000000', direction: 'out', counterparty: SPENDER }],
    });
    const [left] = await chainBalances(url(), [[USER, DOLLAR]]);
    expect(left).toBe(48_000_000n);
    const remaining = await anvilCall(url(), 'eth_call', [
      { to: DOLLAR, data: erc20.encodeFunctionData('allowance', [USER, SPENDER]) },
      'latest',
    ]);
    expect(BigInt(remaining as string)).toBe(3_000_000n);
    const allowance = await sendRaw(url(), {
      from: USER,
      to: DOLLAR,
      data: erc20.encodeFunctionData('approve', [SPENDER, 0n]),
    });
    expect(decodeActivity(allowance, USER, tokens)).toMatchObject({
      kind: 'revoke',
      approval: { amount: 0n },
    });
  });

  it('a swap through the pool moves both tokens and decodes as a swap', async () => {
    await setUp();
    const approval = await sendRaw(url(), {
      from: USER,
      to: DOLLAR,
      data: erc20.encodeFunctionData('approve', [POOL, MAX]),
    });
    expect(decodeActivity(approval, USER, tokens).approval).toMatchObject({ spender: POOL, unlimited: true });

    const amountIn = 10_000_000n;
    const expectedOut = (amountIn * 997n * 1_000_000_000n) / (1_000_000_000n * 1000n + amountIn * 997n);
    const swap = await sendRaw(url(), {
      from: USER,
      to: POOL,
      data: pool.encodeFunctionData('swapExactTokensForTokens', [amountIn, 1n, [DOLLAR, EURO], USER, 0n]),
    });
    const decoded = decodeActivity(swap, USER, tokens);
    expect(decoded.kind).toBe('swap');
    expect(decoded.method).toBe('swapExactTokensForTokens');
    expect(decoded.assets.map((a) => [a.symbol, a.direction, a.amount])).toEqual([
      ['TUSD', 'out', amountIn.toString()],
      ['TEUR', 'in', expectedOut.toString()],
    ]);
    const swapped = pool.parseLog(swap.logs.at(-1) as { topics: string[]; data: string });
    const dollarIsToken0 = BigInt(DOLLAR) < BigInt(EURO);
    expect(swapped?.args.toArray()).toEqual([
      USER,
      dollarIsToken0 ? amountIn : 0n,
      dollarIsToken0 ? 0n : amountIn,
      dollarIsToken0 ? 0n : expectedOut,
      dollarIsToken0 ? expectedOut : 0n,
      USER,
    ]);
    expect(
      await chainBalances(url(), [
        [USER, DOLLAR],
        [USER, EURO],
        [POOL, DOLLAR],
      ]),
    ).toEqual([40_000_000n, expectedOut, 1_010_000_000n]);
  });

  it('reverts a swap that would pay less than the minimum, which decodes as a failed swap that moved nothing', async () => {
    await setUp();
    await sendRaw(url(), { from: USER, to: DOLLAR, data: erc20.encodeFunctionData('approve', [POOL, MAX]) });
    const data = pool.encodeFunctionData('swapExactTokensForTokens', [
      1_000n,
      10n ** 12n,
      [DOLLAR, EURO],
      USER,
      0n,
    ]);
    const failed = await sendRaw(url(), { from: USER, to: POOL, data });
    expect(failed.status).toBe('failed');
    expect(decodeActivity(failed, USER, tokens)).toEqual({
      kind: 'swap',
      method: 'swapExactTokensForTokens',
      assets: [],
      approval: null,
      bridgeLegs: [],
    });
    expect(await chainBalances(url(), [[USER, DOLLAR]])).toEqual([50_000_000n]);
  });
});
