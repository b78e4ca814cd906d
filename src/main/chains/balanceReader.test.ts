import { Interface } from 'ethers/abi';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ANVIL_DEV_ACCOUNT,
  anvilCall,
  chainBalances,
  fixtureAddress,
  sendAndMine,
  setNativeBalances,
} from '../../../test/anvil/chainSetup';
import { fixtureAccounts, seedPortfolio } from '../../../test/anvil/portfolioFixture';
import { answer, type ScriptedRpcServer, scriptedRpcServer } from '../../../test/anvil/scriptedRpcServer';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { MULTICALL3_ADDRESS } from '../../shared/chains/registry';
import type { ChecksumAddress } from '../store/address';
import { readBalances } from './balanceReader';
import { rpc } from '../rpc/jsonRpc';
import { RpcClient, type RpcExchange } from '../rpc/rpcClient';

const nodes = useAnvilChains([10]);
const ACCOUNTS = fixtureAccounts(3);

const clientFor = (url: string, exchanges: RpcExchange[] = []) =>
  new RpcClient({
    chainId: 10,
    chainName: 'OP Mainnet',
    urls: [url],
    retry: { attempts: 1 },
    onExchange: (e) => exchanges.push(e),
  });

describe('readBalances on anvil', () => {
  it('reads native and token balances at the block it names, in one POST even when chunked', async () => {
    const url = nodes[0]?.url as string;
    const { tokens } = await seedPortfolio(url, 10, ACCOUNTS, 8);
    const exchanges: RpcExchange[] = [];
    const client = clientFor(url, exchanges);
    const head = await client.send(rpc.blockNumber());
    exchanges.length = 0;

    const query = { accounts: ACCOUNTS, tokens: ['native' as const, ...tokens] };
    const read = await readBalances(client, MULTICALL3_ADDRESS, head, query, { maxCalldataBytes: 1_000 });

    // 3 accounts × 9 tokens + 2 header calls, at 224 bytes each, in 1 KB chunks: several eth_calls, one POST.
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.methods.length).toBeGreaterThan(5);
    expect(exchanges[0]?.methods.every((method) => method === 'eth_call')).toBe(true);
    expect(read.blockNumber).toBe(Number(head));
    const truth = await chainBalances(
      url,
      read.entries.map((e) => [e.account, e.token]),
    );
    expect(read.entries.map((e) => e.amount)).toEqual(truth);
    expect(read.entries).toHaveLength(27);
  });

  it('reads the named block, not the newest one', async () => {
    const url = nodes[0]?.url as string;
    const client = clientFor(url);
    const [account] = ACCOUNTS as [ChecksumAddress];
    await setNativeBalances(url, [[account, 1_000n]]);
    await anvilCall(url, 'evm_mine');
    const before = await client.send(rpc.blockNumber());
    // A real transfer, mined in a block of its own.
    await sendAndMine(url, { from: ANVIL_DEV_ACCOUNT, to: account, value: '0x5' });
    const after = await client.send(rpc.blockNumber());

    const read = (block: bigint) =>
      readBalances(
        client,
        MULTICALL3_ADDRESS,
        block,
        { accounts: [account], tokens: ['native'] },
        { maxCalldataBytes: 10_000 },
      );
    expect(after).toBe(before + 1n);
    expect((await read(before)).entries[0]?.amount).toBe(1_000n);
    expect((await read(after)).entries[0]?.amount).toBe(1_005n);
  });
});

describe('readBalances against a node that misbehaves', () => {
  const multicall = new Interface([
    'function aggregate3((address,bool,bytes)[]) returns ((bool success, bytes returnData)[])',
  ]);
  const word = (n: bigint) => `0x${n.toString(16).padStart(64, '0')}`;
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => server?.close());

  async function readFrom(ethCall: string) {
    server = await scriptedRpcServer((body) => answer(body, { eth_chainId: '0xa', eth_call: ethCall }));
    const token = fixtureAddress('token') as ChecksumAddress;
    return readBalances(
      clientFor(server.url),
      MULTICALL3_ADDRESS,
      100n,
      { accounts: ACCOUNTS.slice(0, 1), tokens: [token, 'native'] },
      { maxCalldataBytes: 10_000 },
    );
  }

  it('refuses balances the node read at another block', async () => {
    const data = multicall.encodeFunctionResult('aggregate3', [
      [
        [true, word(99n)],
        [true, word(1n)],
        [true, word(5n)],
        [true, word(6n)],
      ],
    ]);
    await expect(readFrom(data)).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/it answered for block 99 when asked about 100/),
    });
  });

  it('refuses an answer that does not decode', async () => {
    await expect(readFrom(`0x${'00'.repeat(31)}01`)).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/aggregate3 answer does not decode/),
    });
  });

  it('marks only the balances whose answers are malformed as unreadable', async () => {
    const data = multicall.encodeFunctionResult('aggregate3', [
      [
        [true, word(100n)],
        [true, word(1_700_000_000n)],
        [true, '0x01'],
        [false, '0x'],
      ],
    ]);
    const broken = await readFrom(data);
    expect(broken.entries.map((e) => e.amount)).toEqual([null, null]);
    const fine = await readFrom(
      multicall.encodeFunctionResult('aggregate3', [
        [
          [true, word(100n)],
          [true, word(1_700_000_000n)],
          [true, word(7n)],
          [true, word(0n)],
        ],
      ]),
    );
    expect(fine).toMatchObject({ blockNumber: 100, blockTimestamp: 1_700_000_000 });
    expect(fine.entries.map((e) => [e.token === 'native' ? 'native' : 'token', e.amount])).toEqual([
      ['token', 7n],
      ['native', 0n],
    ]);
  });
});
