import { Interface } from 'ethers/abi';
import { formatEther, zeroPadValue } from 'ethers/utils';
import { DEFAULT_TOKEN_LISTS } from '../../src/main/chains/tokenList';
import {
  CCTP_MESSAGE_TRANSMITTERS,
  CCTP_TOKEN_MESSENGERS,
  CCTP_USDC,
} from '../../src/main/history/decode/bridges/cctp';
import { anvilCall, fixtureAddress, sendAndMine, setTokenBalances } from '../../test/anvil/chainSetup';
import {
  ethereumToBaseBurn,
  CCTP_MESSAGE_TRANSMITTER_ABI,
  CCTP_TOKEN_MESSENGER_ABI,
} from '../../test/contracts/cctp';
import {
  deployCctpMessageTransmitter,
  deployCctpTokenMessenger,
  deployMiniSwapPool,
} from '../../test/contracts/deployDoubles';
import { ERC20_ABI } from '../../test/contracts/erc20';
import { MINI_SWAP_POOL_ABI } from '../../test/contracts/miniSwapPool';
import type { BridgeClient } from './bridgeClient';
import { DEMO_LEDGER_FUNDS } from './demoPortfolio';

export interface DemoNode {
  chainId: number;
  url: string;
}

/** The emulated Ledger's first Ledger Live account: the demo's history is about it. */
export const DEMO_HISTORY_ACCOUNT = DEMO_LEDGER_FUNDS[0].address;
export const DEMO_FRIEND = fixtureAddress('demo', 'friend');
export const DEMO_POOL = fixtureAddress('demo', 'pool');
export const DEMO_BRIDGED_USDC = 250_000_000n;

const erc20 = new Interface(ERC20_ABI);
const pool = new Interface(MINI_SWAP_POOL_ABI);
const messenger = new Interface(CCTP_TOKEN_MESSENGER_ABI);
const transmitter = new Interface(CCTP_MESSAGE_TRANSMITTER_ABI);
const MAX = 2n ** 256n - 1n;
const ETHER = '0xde0b6b3a7640000';

/**
 * History for the demo, sent on the chains before the wallet starts: USDC arrives from a friend, the account
 * approves a small local pool and swaps USDC for DAI there, and bridges USDC from Ethereum to Base over CCTP
 * (the local TokenMessenger and MessageTransmitter raise the real events) and redeems it on Base two minutes
 * later. The account is impersonated for these: the wallet rightly shows them as signed elsewhere. Only
 * the Ledger account and addresses of no demo account move, so the seeded portfolio stays as it is.
 */
export async function seedActivity(nodes: readonly DemoNode[]): Promise<void> {
  const ethereum = urlOf(nodes, 1);
  const base = urlOf(nodes, 8453);
  const usdc = CCTP_USDC[1] as string;
  const dai = tokenAddress(1, 'DAI');
  for (const url of [ethereum, base]) {
    for (const address of [DEMO_HISTORY_ACCOUNT, DEMO_FRIEND]) {
      await anvilCall(url, 'anvil_impersonateAccount', [address]);
    }
    await anvilCall(url, 'anvil_setBalance', [DEMO_FRIEND, ETHER]);
  }
  await anvilCall(base, 'anvil_setBalance', [DEMO_HISTORY_ACCOUNT, '0x2386f26fc10000']);

  await setTokenBalances(ethereum, usdc, [[DEMO_FRIEND, 1_000_000_000n]]);
  await sendAndMine(ethereum, {
    from: DEMO_FRIEND,
    to: usdc,
    data: erc20.encodeFunctionData('transfer', [DEMO_HISTORY_ACCOUNT, 500_000_000n]),
  });

  await deployMiniSwapPool(ethereum, DEMO_POOL);
  await setTokenBalances(ethereum, usdc, [[DEMO_POOL, 1_000_000_000_000n]]);
  await setTokenBalances(ethereum, dai, [[DEMO_POOL, 1_000_000n * 10n ** 18n]]);
  await sendAndMine(ethereum, {
    from: DEMO_HISTORY_ACCOUNT,
    to: usdc,
    data: erc20.encodeFunctionData('approve', [DEMO_POOL, MAX]),
  });
  await sendAndMine(ethereum, {
    from: DEMO_HISTORY_ACCOUNT,
    to: DEMO_POOL,
    data: pool.encodeFunctionData('swapExactTokensForTokens', [
      100_000_000n,
      1n,
      [usdc, dai],
      DEMO_HISTORY_ACCOUNT,
      0n,
    ]),
  });

  // A second, limited allowance beside the unlimited one, for the Approvals page.
  await sendAndMine(ethereum, {
    from: DEMO_HISTORY_ACCOUNT,
    to: dai,
    data: erc20.encodeFunctionData('approve', [DEMO_FRIEND, 250n * 10n ** 18n]),
  });

  await deployCctpTokenMessenger(
    ethereum,
    CCTP_TOKEN_MESSENGERS[1] as string,
    CCTP_TOKEN_MESSENGERS[8453] as string,
  );
  await deployCctpMessageTransmitter(base, CCTP_MESSAGE_TRANSMITTERS[8453] as string);
  const recipient = zeroPadValue(DEMO_HISTORY_ACCOUNT, 32);
  await sendAndMine(ethereum, {
    from: DEMO_HISTORY_ACCOUNT,
    to: CCTP_TOKEN_MESSENGERS[1],
    data: messenger.encodeFunctionData('depositForBurn', [DEMO_BRIDGED_USDC, 6, recipient, usdc]),
  });
  const { message } = ethereumToBaseBurn(DEMO_HISTORY_ACCOUNT, DEMO_BRIDGED_USDC);
  // Circle attests after some minutes; the user then redeems on Base. Counted from the burn's own block: the
  // two chains' clocks drift apart by a second or so, which would make it "1 min" as often as "2 min".
  const burn = (await anvilCall(ethereum, 'eth_getBlockByNumber', ['latest', false])) as {
    timestamp: string;
  };
  await anvilCall(base, 'evm_setNextBlockTimestamp', [Number(burn.timestamp) + 120]);
  await sendAndMine(base, {
    from: DEMO_HISTORY_ACCOUNT,
    to: CCTP_MESSAGE_TRANSMITTERS[8453],
    data: transmitter.encodeFunctionData('receiveMessage', [message, '0x']),
  });
  for (const url of [ethereum, base]) {
    for (const address of [DEMO_HISTORY_ACCOUNT, DEMO_FRIEND]) {
      await anvilCall(url, 'anvil_stopImpersonatingAccount', [address]);
    }
    await anvilCall(url, 'evm_mine');
  }
}

function urlOf(nodes: readonly DemoNode[], chainId: number): string {
  const node = nodes.find((candidate) => candidate.chainId === chainId);
  if (!node) throw new Error(`the demo has no chain ${chainId}`);
  return node.url;
}

function tokenAddress(chainId: number, symbol: string): string {
  const token = DEFAULT_TOKEN_LISTS.get(chainId)?.tokens.find((candidate) => candidate.symbol === symbol);
  if (!token) throw new Error(`the bundled list has no ${symbol} on chain ${chainId}`);
  return token.address;
}

/** 0.1 ETH from the Ledger account to the friend, signed on the emulated Ledger through the wallet. */
export const DEMO_LEDGER_SEND = 100_000_000_000_000_000n;

/**
 * Adds the emulated Ledger's first account through the wallet and sends a transfer from it through the Send
 * flow (the emulator approves after its delay): history then names the device it was signed on.
 */
export async function sendWithEmulatedLedger(
  bridge: BridgeClient,
  nodes: readonly DemoNode[],
): Promise<string> {
  const ethereum = urlOf(nodes, 1);
  const device = await waitFor(async () =>
    (await bridge.call('devices.list')).find((d) => d.state === 'ready'),
  );
  const [account] = await bridge.call('devices.addAccounts', {
    deviceId: device.id,
    accounts: [{ scheme: 'ledger-live', index: 0, label: 'Ledger main' }],
  });
  if (!account) throw new Error('the emulated Ledger account was not added');
  const { hash } = await bridge.call('tx.send', {
    accountId: account.id,
    chainId: 1,
    to: DEMO_FRIEND,
    asset: 'native',
    amount: formatEther(DEMO_LEDGER_SEND),
  });
  await waitFor(async () => anvilCall(ethereum, 'eth_getTransactionReceipt', [hash]));
  return hash;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`the demo waited ${timeoutMs} ms in vain`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The chain the demo leaves a transaction pending on, for the Send page's speed-up and cancel. */
export const DEMO_PENDING_CHAIN = 42161;

/**
 * Sends 0.01 ETH from the Ledger account on Arbitrum with block production paused there, so it stays pending
 * until someone mines a block (`evm_mine`) or speeds it up and then mines. Returns the outgoing id.
 */
export async function leavePendingSend(bridge: BridgeClient, nodes: readonly DemoNode[]): Promise<number> {
  const arbitrum = urlOf(nodes, DEMO_PENDING_CHAIN);
  const account = (await bridge.call('accounts.list')).find((candidate) => candidate.signer === 'ledger');
  if (!account) throw new Error('the demo has no Ledger account to send from');
  await anvilCall(arbitrum, 'anvil_setBalance', [account.address, '0x2386f26fc10000']);
  await anvilCall(arbitrum, 'evm_setAutomine', [false]);
  const sent = await bridge.call('tx.send', {
    accountId: account.id,
    chainId: DEMO_PENDING_CHAIN,
    to: DEMO_FRIEND,
    asset: 'native',
    amount: '0.001',
  });
  return sent.id;
}
