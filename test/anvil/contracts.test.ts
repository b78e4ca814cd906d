import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { MULTICALL3_ADDRESS } from '../../src/shared/chains/registry';
import { ERC20_ABI, REVERTING_RUNTIME, SHORT_ANSWER_RUNTIME } from '../contracts/erc20';
import { MULTICALL3_ABI } from '../contracts/multicall3';
import { useAnvilChains } from './useAnvilChains';
import {
  ANVIL_DEV_ACCOUNT,
  anvilBatch,
  anvilCall,
  deployCode,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  setNativeBalances,
  setTokenBalances,
  sendAndMine,
} from './chainSetup';

// The hand-assembled contracts stand in for Multicall3 and real tokens in every chain test, so their ABI
// behaviour is pinned here against ethers' reference encoder and decoder.
const multicall = new Interface(MULTICALL3_ABI);
const erc20 = new Interface(ERC20_ABI);
const nodes = useAnvilChains([31337]);
const url = () => nodes[0]?.url as string;

const TOKEN = fixtureAddress('contracts', 'token');
const REVERTING = fixtureAddress('contracts', 'reverting');
const SHORT = fixtureAddress('contracts', 'short');
const ALICE = fixtureAddress('contracts', 'alice');

async function ethCall(to: string, data: string): Promise<string> {
  return (await anvilCall(url(), 'eth_call', [{ to, data }, 'latest'])) as string;
}

describe('test contracts on anvil', () => {
  it('aggregate3 answers byte for byte what Multicall3 would, including failures and odd lengths', async () => {
    await deployMulticall3(url());
    await deployToken(url(), TOKEN, {
      name: 'Test Dollar',
      symbol: 'TUSD',
      decimals: 6,
      totalSupply: 10n ** 12n,
    });
    await deployCode(url(), REVERTING, REVERTING_RUNTIME);
    await deployCode(url(), SHORT, SHORT_ANSWER_RUNTIME);
    await setTokenBalances(url(), TOKEN, [[ALICE, 1_234_567n]]);
    await setNativeBalances(url(), [[ALICE, 5n * 10n ** 17n]]);

    const calls = [
      [MULTICALL3_ADDRESS, multicall.encodeFunctionData('getEthBalance', [ALICE])],
      [MULTICALL3_ADDRESS, multicall.encodeFunctionData('getBlockNumber')],
      [TOKEN, erc20.encodeFunctionData('balanceOf', [ALICE])],
      [TOKEN, erc20.encodeFunctionData('name')],
      [REVERTING, erc20.encodeFunctionData('symbol')],
      [SHORT, erc20.encodeFunctionData('decimals')],
      // An account without code: the call succeeds with no data, after a long input that must not leak.
      [ALICE, `0x${'ab'.repeat(100)}`],
      [TOKEN, '0x'],
    ] as const;
    const data = multicall.encodeFunctionData('aggregate3', [
      calls.map(([target, callData]) => ({ target, allowFailure: true, callData })),
    ]);
    const direct = await Promise.all(
      calls.map(async ([target, callData]) => {
        try {
          return [true, await ethCall(target, callData)] as const;
        } catch {
          return [false, '0x'] as const;
        }
      }),
    );
    const answer = await ethCall(MULTICALL3_ADDRESS, data);

    expect(answer).toBe(multicall.encodeFunctionResult('aggregate3', [direct]));
    expect(direct[0]?.[1]).toBe(`0x${(5n * 10n ** 17n).toString(16).padStart(64, '0')}`);
    expect(direct[4]?.[0]).toBe(false);
    expect(direct[5]?.[1]).toBe('0x00');
  });

  it('aggregate3 reverts the whole batch when a call that may not fail fails', async () => {
    const data = multicall.encodeFunctionData('aggregate3', [
      [{ target: REVERTING, allowFailure: false, callData: '0x' }],
    ]);
    await expect(ethCall(MULTICALL3_ADDRESS, data)).rejects.toThrow(/revert/i);
  });

  it('getBlockNumber and getCurrentBlockTimestamp read the block of the call', async () => {
    // Anvil runs calls against its genesis block with a timestamp of 1, so the check starts past it.
    await anvilCall(url(), 'evm_mine');
    const block = (await anvilCall(url(), 'eth_getBlockByNumber', ['latest', false])) as {
      number: string;
      timestamp: string;
    };
    const [number, timestamp] = await Promise.all([
      ethCall(MULTICALL3_ADDRESS, multicall.encodeFunctionData('getBlockNumber')),
      ethCall(MULTICALL3_ADDRESS, multicall.encodeFunctionData('getCurrentBlockTimestamp')),
    ]);
    expect(BigInt(number)).toBe(BigInt(block.number));
    expect(BigInt(timestamp)).toBe(BigInt(block.timestamp));
  });

  it('the ERC-20 answers its metadata and moves balances with a real transfer', async () => {
    const token = fixtureAddress('contracts', 'look-alike');
    await deployToken(url(), token, {
      name: 'Ünïcode Dollar',
      symbol: 'USDС',
      decimals: 18,
      totalSupply: 10n ** 24n,
    });
    await setTokenBalances(url(), token, [[ANVIL_DEV_ACCOUNT, 1_000n]]);
    const read = async (fn: string, args: unknown[] = []) =>
      erc20.decodeFunctionResult(fn, await ethCall(token, erc20.encodeFunctionData(fn, args)))[0];

    expect(await read('name')).toBe('Ünïcode Dollar');
    expect(await read('symbol')).toBe('USDС');
    expect(await read('decimals')).toBe(18n);
    expect(await read('totalSupply')).toBe(10n ** 24n);

    const receipt = await sendAndMine(url(), {
      from: ANVIL_DEV_ACCOUNT,
      to: token,
      data: erc20.encodeFunctionData('transfer', [ALICE, 400n]),
    });
    expect(receipt.status).toBe('0x1');
    const log = erc20.parseLog(receipt.logs[0] as { topics: string[]; data: string });
    expect(log?.args.toArray()).toEqual([ANVIL_DEV_ACCOUNT, ALICE, 400n]);
    expect(await read('balanceOf', [ANVIL_DEV_ACCOUNT])).toBe(600n);
    expect(await read('balanceOf', [ALICE])).toBe(400n);

    const [tooMuch] = await anvilBatch(url(), [
      [
        'eth_estimateGas',
        [{ from: ANVIL_DEV_ACCOUNT, to: token, data: erc20.encodeFunctionData('transfer', [ALICE, 601n]) }],
      ],
    ]).catch((error: Error) => [error.message]);
    expect(tooMuch).toMatch(/revert/i);
  });
});
