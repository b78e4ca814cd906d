import { Interface } from 'ethers/abi';
import { getAddress } from 'ethers/address';
import { id } from 'ethers/hash';
import { MULTICALL3_ADDRESS } from '../../src/shared/chains/registry';
import {
  balanceSlot,
  balanceValue,
  ERC20_ABI,
  ERC20_RUNTIME,
  type Erc20Setup,
  erc20Storage,
} from '../contracts/erc20';
import { MULTICALL3_RUNTIME } from '../contracts/multicall3';

/**
 * Sets up and inspects a local anvil chain over plain JSON-RPC, independently of the wallet's own client,
 * so a test that compares the two is not checking the client against itself.
 */
export type RpcCall = [method: string, params: unknown[]];

/** Anvil's first dev account (from the public test mnemonic): funded and unlocked, so it can send transactions. */
export const ANVIL_DEV_ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

const BATCH = 500;

export async function anvilBatch(url: string, calls: readonly RpcCall[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (let start = 0; start < calls.length; start += BATCH) {
    const chunk = calls.slice(start, start + BATCH);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chunk.map(([method, params], i) => ({ jsonrpc: '2.0', id: i, method, params }))),
    });
    const answers = (await response.json()) as {
      id: number;
      result?: unknown;
      error?: { message: string };
    }[];
    for (const answer of answers.sort((a, b) => a.id - b.id)) {
      if (answer.error) throw new Error(`${chunk[answer.id]?.[0]} failed: ${answer.error.message}`);
      results.push(answer.result);
    }
  }
  return results;
}

export async function anvilCall(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const [result] = await anvilBatch(url, [[method, params]]);
  return result;
}

/** Places the hand-written Multicall3 (test/contracts) at Multicall3's canonical address. */
export interface Receipt {
  status: string;
  blockNumber: string;
  logs: { topics: string[]; data: string }[];
}

/**
 * Sends a transaction from an unlocked anvil account and waits for its receipt: anvil answers with the hash
 * first and mines right after, so on a busy machine the receipt can lag a moment.
 */
export async function sendAndMine(url: string, transaction: Record<string, unknown>): Promise<Receipt> {
  return waitForReceipt(url, String(await anvilCall(url, 'eth_sendTransaction', [transaction])));
}

/**
 * Pins the time of the next block on one chain. Two anvil instances keep their own clocks, which can be a
 * second apart, so a delay between a block on one chain and a block on another is pinned, not added to the
 * second chain's clock.
 */
export async function mineNextAt(url: string, timestamp: number): Promise<void> {
  await anvilCall(url, 'evm_setNextBlockTimestamp', [timestamp]);
}

export async function blockTimestamp(url: string, blockNumber: string): Promise<number> {
  const block = (await anvilCall(url, 'eth_getBlockByNumber', [blockNumber, false])) as { timestamp: string };
  return Number(block.timestamp);
}

/** Anvil mines on send, but under load it may serve the receipt a moment later. */
export async function waitForReceipt(url: string, hash: string): Promise<Receipt> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const receipt = (await anvilCall(url, 'eth_getTransactionReceipt', [hash])) as Receipt | null;
    if (receipt) return receipt;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`anvil did not mine ${hash} within 2 s`);
}

export async function deployMulticall3(url: string): Promise<void> {
  await anvilCall(url, 'anvil_setCode', [MULTICALL3_ADDRESS, MULTICALL3_RUNTIME]);
}

export async function deployCode(url: string, address: string, runtime: string): Promise<void> {
  await anvilCall(url, 'anvil_setCode', [address, runtime]);
}

export async function deployToken(url: string, address: string, setup: Erc20Setup): Promise<void> {
  await anvilBatch(url, [
    ['anvil_setCode', [address, ERC20_RUNTIME]],
    ...erc20Storage(setup).map(([slot, value]): RpcCall => ['anvil_setStorageAt', [address, slot, value]]),
  ]);
}

export async function setTokenBalances(
  url: string,
  token: string,
  balances: readonly [account: string, amount: bigint][],
): Promise<void> {
  await anvilBatch(
    url,
    balances.map(([account, amount]) => [
      'anvil_setStorageAt',
      [token, balanceSlot(account), balanceValue(amount)],
    ]),
  );
}

export async function setNativeBalances(
  url: string,
  balances: readonly [account: string, wei: bigint][],
): Promise<void> {
  await anvilBatch(
    url,
    balances.map(([account, wei]) => ['anvil_setBalance', [account, `0x${wei.toString(16)}`]]),
  );
}

const erc20 = new Interface(ERC20_ABI);

/** What the chain itself says, one plain call per balance: the reference the wallet's reads must match. */
export async function chainBalances(
  url: string,
  pairs: readonly [account: string, token: string | 'native'][],
): Promise<bigint[]> {
  const results = await anvilBatch(
    url,
    pairs.map(([account, token]) =>
      token === 'native'
        ? ['eth_getBalance', [account, 'latest']]
        : ['eth_call', [{ to: token, data: erc20.encodeFunctionData('balanceOf', [account]) }, 'latest']],
    ),
  );
  return results.map((hex) => BigInt(hex as string));
}

/** A stable, distinct address for a test fixture, e.g. `fixtureAddress('token', 3)`. */
export function fixtureAddress(...parts: (string | number)[]): string {
  return getAddress(`0x${id(parts.join(':')).slice(-40)}`);
}
