import { Interface } from 'ethers/abi';
import { afterEach, describe, expect, it } from 'vitest';
import { REVERTING_RUNTIME, SHORT_ANSWER_RUNTIME } from '../../../test/contracts/erc20';
import { assemble } from '../../../test/contracts/evmAssembler';
import { placePriceFeed } from '../../../test/contracts/priceFeedStandIn';
import {
  ANVIL_DEV_ACCOUNT,
  anvilCall,
  chainBalances,
  deployCode,
  fixtureAddress,
  sendAndMine,
  setNativeBalances,
} from '../../../test/anvil/chainSetup';
import { fixtureAccounts, seedPortfolio } from '../../../test/anvil/portfolioFixture';
import {
  answer,
  type JsonRpcCall,
  type ScriptedRpcServer,
  scriptedRpcServer,
} from '../../../test/anvil/scriptedRpcServer';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { MULTICALL3_ADDRESS } from '../../shared/chains/registry';
import type { ChecksumAddress } from '../store/address';
import { answerWireBytes, readBalances, readModeOf, type TokenAddress } from './balanceReader';
import { rpc } from '../rpc/jsonRpc';
import { RpcClient, type RpcExchange } from '../rpc/rpcClient';

const nodes = useAnvilChains([10]);
/** A token whose every call loops until its gas is gone: `JUMPDEST PUSH1 0 JUMP`. */
const BURNING_RUNTIME = '0x5b600056';
const ACCOUNTS = fixtureAccounts(3);
/** Answers every call with five words, updatedAt (word 3) set: right for latestRoundData, wrong for decimals. */
const FIVE_WORDS_RUNTIME = assemble(['PUSH 1700000000 PUSH 0x60 MSTORE PUSH 0xa0 PUSH 0 RETURN']);

/** Price feed stand-ins: a good one, one answering a negative price, and one whose decimals are malformed. */
async function placeFeeds(url: string) {
  const feeds = {
    good: fixtureAddress('feed', 'good') as ChecksumAddress,
    negative: fixtureAddress('feed', 'negative') as ChecksumAddress,
    fiveWords: fixtureAddress('feed', 'five-words') as ChecksumAddress,
  };
  await placePriceFeed(url, feeds.good, { answer: 300_012_000_000n, decimals: 8, updatedAt: 1_700_000_000 });
  await placePriceFeed(url, feeds.negative, { answer: -1n, decimals: 18, updatedAt: 1_700_000_100 });
  await deployCode(url, feeds.fiveWords, FIVE_WORDS_RUNTIME);
  return feeds;
}

const clientFor = (url: string, exchanges: RpcExchange[] = []) =>
  new RpcClient({
    chainId: 10,
    chainName: 'OP Mainnet',
    urls: [url],
    retry: { attempts: 1 },
    onExchange: (e) => exchanges.push(e),
  });

/** A client that has checked its chain and read the head, with its exchanges counted from then on. */
async function warmClient(url: string) {
  const exchanges: RpcExchange[] = [];
  const client = clientFor(url, exchanges);
  const head = await client.send(rpc.blockNumber());
  exchanges.length = 0;
  return { client, exchanges, head };
}

describe('readBalances through Multicall3 on anvil', () => {
  it('reads native and token balances at the block it names, in one POST even when chunked', async () => {
    const url = nodes[0]?.url as string;
    const { tokens } = await seedPortfolio(url, 10, ACCOUNTS, 8);
    const { client, exchanges, head } = await warmClient(url);

    const query = { accounts: ACCOUNTS, tokens: ['native' as const, ...tokens], feeds: [] };
    const read = await readBalances(client, MULTICALL3_ADDRESS, head, query, {
      maxCalldataBytes: 1_000,
      mode: 'multicall3',
    });

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
        { accounts: [account], tokens: ['native'], feeds: [] },
        { maxCalldataBytes: 10_000 },
      );
    expect(after).toBe(before + 1n);
    expect((await read(before)).entries[0]?.amount).toBe(1_000n);
    expect((await read(after)).entries[0]?.amount).toBe(1_005n);
  });
});

describe('readBalances with the override program on anvil', () => {
  it('reads what Multicall3 reads, native, ERC-20, broken tokens and feeds, in one POST', async () => {
    const url = nodes[0]?.url as string;
    // 3 accounts × (native, 90 tokens, 3 broken ones): 282 balances, so the failure bitmap takes two words.
    const { tokens } = await seedPortfolio(url, 10, ACCOUNTS, 90);
    const reverting = fixtureAddress('override', 'reverting') as ChecksumAddress;
    const short = fixtureAddress('override', 'short') as ChecksumAddress;
    const empty = fixtureAddress('override', 'no-code') as ChecksumAddress;
    await deployCode(url, reverting, REVERTING_RUNTIME);
    await deployCode(url, short, SHORT_ANSWER_RUNTIME);
    const feeds = await placeFeeds(url);
    const query = {
      accounts: ACCOUNTS,
      tokens: ['native', ...tokens, reverting, short, empty] as TokenAddress[],
      feeds: [...Object.values(feeds), reverting, short, empty],
    };
    const { client, exchanges, head } = await warmClient(url);
    const read = await readBalances(client, MULTICALL3_ADDRESS, head, query, { maxCalldataBytes: 10_000 });
    expect(read.readMode).toBe('override');
    expect(readModeOf(client)).toBe('override');
    expect(exchanges.map((e) => e.methods)).toEqual([['eth_call']]);
    expect(read.feeds.map((f) => f.round)).toEqual([
      { answer: 300_012_000_000n, updatedAt: 1_700_000_000, decimals: 8 },
      { answer: -1n, updatedAt: 1_700_000_100, decimals: 18 },
      // Five words to every call: its decimals answer has the wrong size, so nothing of it is kept.
      null,
      // Reverting, one-byte answers, no code.
      null,
      null,
      null,
    ]);
    expect(read.feeds.map((f) => f.feed)).toEqual(query.feeds);
    // A small answer budget splits the grid into several eth_calls, still in one POST, reading the same.
    exchanges.length = 0;
    const split = await readBalances(client, MULTICALL3_ADDRESS, head, query, {
      maxCalldataBytes: 10_000,
      maxResponseBytes: 2_000,
    });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.methods.length).toBeGreaterThan(10);
    // Equal, feeds too: a piece's answer is only decoded for the feeds that piece was asked for.
    expect(split).toEqual(read);

    const viaMulticall = await readBalances(clientFor(url), MULTICALL3_ADDRESS, head, query, {
      maxCalldataBytes: 10_000,
      mode: 'multicall3',
    });
    expect(viaMulticall.readMode).toBe('multicall3');
    expect(read).toEqual({ ...viaMulticall, readMode: 'override' });
    const amounts = read.entries.map((e) => e.amount);
    expect(amounts.filter((a) => a === null)).toHaveLength(3 * ACCOUNTS.length);
    expect(amounts.filter((a) => a !== null && a > 0n).length).toBeGreaterThan(ACCOUNTS.length * 5);
    const truth = await chainBalances(
      url,
      read.entries.filter((e) => e.amount !== null).map((e) => [e.account, e.token]),
    );
    expect(amounts.filter((a) => a !== null)).toEqual(truth);
  });

  it('marks a token or feed that burns its gas as unreadable, and asks again in smaller pieces when short of gas', async () => {
    const url = nodes[0]?.url as string;
    const { tokens } = await seedPortfolio(url, 10, ACCOUNTS, 8);
    const burner = fixtureAddress('override', 'burner') as ChecksumAddress;
    await deployCode(url, burner, BURNING_RUNTIME);
    const { good } = await placeFeeds(url);
    const query = {
      accounts: ACCOUNTS,
      tokens: ['native', ...tokens, burner] as TokenAddress[],
      feeds: [good, burner],
    };
    const { client, exchanges, head } = await warmClient(url);
    // 400k gas: enough for the grid's first split (one piece of 30 balances, the feeds taking the room of 8)
    // but not for the four burning calls; then 12 balances' room at 32k each, less 8: pieces of 4 balances.
    const read = await readBalances(client, MULTICALL3_ADDRESS, head, query, {
      maxCalldataBytes: 10_000,
      gasPerCall: 400_000,
    });
    expect(exchanges.map((e) => e.methods.length)).toEqual([1, 9]);
    expect(read.readMode).toBe('override');
    expect(read.feeds).toEqual([
      { feed: good, round: { answer: 300_012_000_000n, updatedAt: 1_700_000_000, decimals: 8 } },
      { feed: burner, round: null },
    ]);
    const byToken = (token: TokenAddress) =>
      read.entries.filter((e) => e.token === token).map((e) => e.amount);
    expect(byToken(burner)).toEqual([null, null, null]);
    const others = read.entries.filter((e) => e.token !== burner);
    expect(others.map((e) => e.amount)).toEqual(
      await chainBalances(
        url,
        others.map((e) => [e.account, e.token]),
      ),
    );
  });

  it('reads at latest in one POST, naming the block it read', async () => {
    const url = nodes[0]?.url as string;
    const { tokens } = await seedPortfolio(url, 10, ACCOUNTS, 3);
    const { client, exchanges, head } = await warmClient(url);
    const query = { accounts: ACCOUNTS, tokens: ['native', ...tokens] as TokenAddress[], feeds: [] };
    const read = await readBalances(client, MULTICALL3_ADDRESS, 'latest', query, {
      maxCalldataBytes: 10_000,
    });
    expect(exchanges.map((e) => e.methods)).toEqual([['eth_call']]);
    expect(read.blockNumber).toBe(Number(head));
    const atHead = await readBalances(client, MULTICALL3_ADDRESS, head, query, { maxCalldataBytes: 10_000 });
    expect(read).toEqual(atHead);
  });

  it('reads an empty grid, proving the block all the same', async () => {
    const url = nodes[0]?.url as string;
    const client = clientFor(url);
    const head = await client.send(rpc.blockNumber());
    const read = await readBalances(
      client,
      MULTICALL3_ADDRESS,
      head,
      { accounts: [], tokens: [], feeds: [] },
      {
        maxCalldataBytes: 10_000,
      },
    );
    expect(read).toMatchObject({ readMode: 'override', blockNumber: Number(head), entries: [] });
    expect(read.blockTimestamp).toBeGreaterThan(0);
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
      { accounts: ACCOUNTS.slice(0, 1), tokens: [token, 'native'], feeds: [] },
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

describe('readBalances against a node that refuses state overrides', () => {
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => server?.close());
  const multicall = new Interface([
    'function aggregate3((address,bool,bytes)[]) returns ((bool success, bytes returnData)[])',
  ]);
  const word = (n: bigint) => `0x${n.toString(16).padStart(64, '0')}`;
  const aggregate3 = multicall.encodeFunctionResult('aggregate3', [
    [
      [true, word(100n)],
      [true, word(1_700_000_000n)],
      [true, word(7n)],
    ],
  ]);
  const query = { accounts: ACCOUNTS.slice(0, 1), tokens: ['native' as const], feeds: [] };
  const options = { maxCalldataBytes: 10_000 };
  /** Answers eth_chainId, and each eth_call with what `ethCall` gives: a result, or a JSON-RPC error. */
  const node = (ethCall: (call: JsonRpcCall) => { result: string } | { error: string }) =>
    scriptedRpcServer((body) => {
      const one = (call: JsonRpcCall) => {
        if (call.method === 'eth_chainId') return { jsonrpc: '2.0', id: call.id, result: '0xa' };
        const out = ethCall(call);
        return 'result' in out
          ? { jsonrpc: '2.0', id: call.id, result: out.result }
          : { jsonrpc: '2.0', id: call.id, error: { code: -32602, message: out.error } };
      };
      return { json: Array.isArray(body) ? (body as JsonRpcCall[]).map(one) : one(body as JsonRpcCall) };
    });
  const overrides = () =>
    (server?.received ?? [])
      .flatMap((body) => (Array.isArray(body) ? body : [body]) as JsonRpcCall[])
      .filter((call) => call.method === 'eth_call')
      .map((call) => call.params.length === 3);

  it('falls back to Multicall3 when the node errors on the third parameter, and remembers it', async () => {
    server = await node((call) =>
      call.params.length === 3 ? { error: 'too many arguments, want at most 2' } : { result: aggregate3 },
    );
    const client = clientFor(server.url);
    const read = await readBalances(client, MULTICALL3_ADDRESS, 100n, query, options);
    expect(read).toMatchObject({ readMode: 'multicall3', blockNumber: 100 });
    expect(read.entries.map((e) => e.amount)).toEqual([7n]);
    expect(readModeOf(client)).toBe('multicall3');
    await readBalances(client, MULTICALL3_ADDRESS, 100n, query, options);
    // The override was tried once; the second read went straight to Multicall3.
    expect(overrides()).toEqual([true, false, false]);
  });

  it('falls back when the node ignores the override (an empty answer: no code at the address)', async () => {
    server = await node((call) => ({ result: call.params.length === 3 ? '0x' : aggregate3 }));
    const client = clientFor(server.url);
    const read = await readBalances(client, MULTICALL3_ADDRESS, 100n, query, options);
    expect(read.readMode).toBe('multicall3');
    expect(readModeOf(client)).toBe('multicall3');
  });

  it('does not record a node that fails Multicall3 as well as refusing overrides', async () => {
    server = await node(() => ({ error: 'header not found' }));
    const client = clientFor(server.url);
    await expect(readBalances(client, MULTICALL3_ADDRESS, 100n, query, options)).rejects.toMatchObject({
      code: 'rpc',
      message: expect.stringMatching(/header not found/),
    });
    expect(readModeOf(client)).toBe('override');
  });

  it('names the chain when the node refuses an answer for its size, without falling back', async () => {
    server = await node(() => ({ error: 'response size exceeded' }));
    const client = clientFor(server.url);
    await expect(readBalances(client, MULTICALL3_ADDRESS, 100n, query, options)).rejects.toMatchObject({
      code: 'rpc',
      message: expect.stringMatching(/^The RPC of OP Mainnet refused .* response size limit/),
    });
    expect(readModeOf(client)).toBe('override');
  });

  it('asks again at one block when the pieces of a latest read name different blocks', async () => {
    const packed = (block: bigint) =>
      `0x${[block, 1_700_000_000n, 5n, 0n].map((n) => n.toString(16).padStart(64, '0')).join('')}`;
    let calls = 0;
    server = await node((call) => {
      calls++;
      // At latest, the first piece is read at 100 and the second at 101; at 0x65 (101) both are.
      if (call.params[1] === 'latest') return { result: packed(calls === 1 ? 100n : 101n) };
      return { result: packed(BigInt(call.params[1] as string)) };
    });
    const read = await readBalances(
      clientFor(server.url),
      MULTICALL3_ADDRESS,
      'latest',
      { accounts: ACCOUNTS.slice(0, 2), tokens: ['native'], feeds: [] },
      { maxCalldataBytes: 10_000, maxResponseBytes: answerWireBytes(1) },
    );
    expect(read).toMatchObject({ readMode: 'override', blockNumber: 101 });
    expect(read.entries.map((e) => e.amount)).toEqual([5n, 5n]);
    const blocks = (server.received as JsonRpcCall[][]).map((batch) =>
      batch.filter((call) => call.method === 'eth_call').map((call) => call.params[1]),
    );
    expect(blocks).toEqual([
      ['latest', 'latest'],
      ['0x65', '0x65'],
    ]);
  });

  it('reads an override answer, and refuses one for another block', async () => {
    const packed = (block: bigint) =>
      `0x${[block, 1_700_000_000n, 0n, 7n, 2n].map((n) => n.toString(16).padStart(64, '0')).join('')}`;
    const token = fixtureAddress('token') as ChecksumAddress;
    const twoTokens = { accounts: ACCOUNTS.slice(0, 1), tokens: ['native' as const, token], feeds: [] };
    server = await scriptedRpcServer((body) => answer(body, { eth_chainId: '0xa', eth_call: packed(100n) }));
    const read = await readBalances(clientFor(server.url), MULTICALL3_ADDRESS, 100n, twoTokens, options);
    // Bit 1 of the bitmap (2n) marks the token as unreadable: null, not its word.
    expect(read.entries.map((e) => e.amount)).toEqual([0n, null]);
    await server.close();
    server = await scriptedRpcServer((body) => answer(body, { eth_chainId: '0xa', eth_call: packed(99n) }));
    await expect(
      readBalances(clientFor(server.url), MULTICALL3_ADDRESS, 100n, twoTokens, options),
    ).rejects.toMatchObject({ message: expect.stringMatching(/answered for block 99 when asked about 100/) });
  });
});
