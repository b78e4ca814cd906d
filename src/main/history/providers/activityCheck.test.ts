import { Interface } from 'ethers/abi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  anvilCall,
  deployToken,
  fixtureAddress,
  sendAndMine,
  setTokenBalances,
} from '../../../../test/anvil/chainSetup';
import { useAnvilChains } from '../../../../test/anvil/useAnvilChains';
import { ERC20_ABI } from '../../../../test/contracts/erc20';
import { RpcClient, type RpcExchange } from '../../rpc/rpcClient';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';
import type { HistoryProvider } from '../rawTransaction';
import { ADDRESSES_PER_CHECK, canCheckActivity } from './activityCheck';
import { LogsScanProvider } from './logsScanProvider';
import { OtterscanProvider } from './otterscanProvider';

const nodes = useAnvilChains([1]);
const url = () => nodes[0]?.url as string;
/** Anvil's dev account 1: unlocked, so it sends. */
const SENDER = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const TOKEN = toChecksumAddress(fixtureAddress('activity', 'token'));
/** More addresses than one check carries, none of them with anything until the test sends. */
const WALLET = Array.from({ length: ADDRESSES_PER_CHECK + 5 }, (_, index) =>
  toChecksumAddress(fixtureAddress('activity', 'account', index)),
);
const PAID = WALLET.at(-1) as ChecksumAddress;
const TOKENS_TO = WALLET[1] as ChecksumAddress;
const erc20 = new Interface(ERC20_ABI);
const blocks = { quietTo: 0, paid: 0, tokens: 0 };

beforeAll(async () => {
  await deployToken(url(), TOKEN, { name: 'Test', symbol: 'TST', decimals: 0, totalSupply: 10n ** 9n });
  await setTokenBalances(url(), TOKEN, [[SENDER, 10n ** 6n]]);
  await anvilCall(url(), 'anvil_mine', ['0x3']);
  blocks.quietTo = Number(await anvilCall(url(), 'eth_blockNumber'));
  blocks.paid = Number((await sendAndMine(url(), { from: SENDER, to: PAID, value: '0x1' })).blockNumber);
  const data = erc20.encodeFunctionData('transfer', [TOKENS_TO, 5n]);
  blocks.tokens = Number((await sendAndMine(url(), { from: SENDER, to: TOKEN, data })).blockNumber);
});

function client(exchanges: RpcExchange[]) {
  return new RpcClient({
    ...{ chainId: 1, chainName: 'Anvil', urls: [url()], retry: { attempts: 1 } },
    onExchange: (exchange) => exchanges.push(exchange),
  });
}

describe('activity checks', () => {
  it('finds the addresses named in token events, each part of the wallet in one request', async () => {
    const exchanges: RpcExchange[] = [];
    const logs = new LogsScanProvider(client(exchanges));
    const range = { fromBlock: blocks.quietTo + 1, toBlock: blocks.tokens };
    expect(await logs.active(WALLET, range)).toEqual(new Set([TOKENS_TO]));
    // The first request also carries the endpoint's chain check.
    const logsPerRequest = exchanges.map(
      (e) => e.methods.filter((method) => method === 'eth_getLogs').length,
    );
    expect(logsPerRequest).toEqual([4, 4]);
    expect(await logs.active(WALLET, { fromBlock: 0, toBlock: blocks.quietTo })).toEqual(new Set());
  });

  it('adds what the Otterscan index has, and keeps to the range asked', async () => {
    const exchanges: RpcExchange[] = [];
    const rpc = client(exchanges);
    const otterscan = new OtterscanProvider(rpc, { tokenEvents: new LogsScanProvider(rpc) });
    const everything = { fromBlock: blocks.quietTo + 1, toBlock: blocks.tokens };
    expect(await otterscan.active([...WALLET, SENDER], everything)).toEqual(
      new Set([PAID, TOKENS_TO, SENDER]),
    );
    // The native payment's block only: the token transfer after it is not in the range.
    const paid = { fromBlock: blocks.paid, toBlock: blocks.paid };
    expect(await otterscan.active(WALLET, paid)).toEqual(new Set([PAID]));
    expect(await otterscan.active(WALLET, { fromBlock: 1, toBlock: blocks.quietTo })).toEqual(new Set());
  });

  it('counts every address as active where the token events cannot be checked for many at once', async () => {
    const rpc = client([]);
    const tokenEvents: HistoryProvider = { name: 'logs', transactions: async () => [] };
    const otterscan = new OtterscanProvider(rpc, { tokenEvents });
    expect(canCheckActivity(tokenEvents)).toBe(false);
    expect(canCheckActivity(otterscan)).toBe(true);
    const quiet = { fromBlock: 1, toBlock: blocks.quietTo };
    expect(await otterscan.active(WALLET.slice(0, 2), quiet)).toEqual(new Set(WALLET.slice(0, 2)));
  });
});
