import { Interface } from 'ethers/abi';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchTransactions } from '../../../src/main/history/providers/transactionFetcher';
import { supportsOtterscan } from '../../../src/main/history/providers/otterscanProvider';
import { rpc } from '../../../src/main/rpc/jsonRpc';
import { RpcClient } from '../../../src/main/rpc/rpcClient';
import { startEtherscanDouble, type EtherscanDouble } from './etherscanDouble';
import {
  blockHash,
  floorRequests,
  othersTransactions,
  HEAVY_ACCOUNT_COUNTS,
  heavyAccount,
  type HeavyChain,
  receiptsNeeded,
} from './heavyAccount';
import { TRANSFER_TOPIC } from './heavyTransactions';
import { type RpcDouble, type RpcDoubleOptions, startRpcDouble } from './rpcDouble';

const small = heavyAccount({ counts: { 1: 300, 10: 200, 8453: 100 } });
const full = heavyAccount();
const ethereum = small.chains[0] as HeavyChain;
const account = small.account.toLowerCase();

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((double) => double.close()));
});

async function etherscan(perSecond = 1_000, now?: () => number): Promise<EtherscanDouble> {
  const double = await startEtherscanDouble({ dataset: small, perSecond, maxOffset: 10_000, now });
  open.push(double);
  return double;
}

async function node(
  options: Partial<Pick<RpcDoubleOptions, 'maxBatch' | 'batchRefusal' | 'perSecond' | 'now'>> = {},
): Promise<RpcDouble> {
  const double = await startRpcDouble({ chainId: 1, dataset: small, perSecond: 1_000, ...options });
  open.push(double);
  return double;
}

async function list(double: EtherscanDouble, params: Record<string, string | number>) {
  const url = new URL(double.url);
  const query = { chainid: 1, module: 'account', address: account, apikey: 'KEY', sort: 'asc', ...params };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  return (await (await fetch(url)).json()) as { status: string; message: string; result: unknown };
}

async function post(double: RpcDouble, body: unknown) {
  const response = await fetch(double.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const call = (id: number, method: string, params: unknown[] = []) => ({ jsonrpc: '2.0', id, method, params });

describe('the heavy account dataset', () => {
  it('is the issue’s account: 10,000 transactions over three chains, every kind, all final', () => {
    const dataset = full;
    expect(dataset.chains.map((chain) => [chain.chainId, chain.transactions.length])).toEqual(
      Object.entries(HEAVY_ACCOUNT_COUNTS).map(([chainId, count]) => [Number(chainId), count]),
    );
    for (const chain of dataset.chains) {
      const kinds = new Set(chain.transactions.map((tx) => tx.kind));
      expect(kinds.size).toBe(11);
      const blocks = chain.transactions.map((tx) => tx.raw.blockNumber);
      expect(blocks).toEqual(blocks.toSorted((a, b) => a - b));
      expect(new Set(blocks).size).toBe(blocks.length);
      expect((blocks.at(-1) as number) - (blocks[0] as number)).toBeGreaterThan(1_900_000);
      expect(chain.headBlock - (blocks.at(-1) as number)).toBeGreaterThan(12);
      expect(new Set(chain.transactions.map((tx) => tx.raw.hash)).size).toBe(blocks.length);
      const misplaced = chain.transactions.filter(
        ({ raw }) => raw.blockHash !== blockHash(chain.chainId, raw.blockNumber),
      );
      expect(misplaced).toEqual([]);
      const own = chain.transactions.filter((tx) => tx.raw.from === dataset.account);
      expect(own.map((tx) => tx.raw.nonce)).toEqual(own.map((_, i) => i));
    }
    // Deterministic: the doubles and the app's decoder see the same account on every run.
    const again = heavyAccount({ counts: { 1: 300, 10: 200, 8453: 100 } });
    expect(again.chains.map((chain) => chain.transactions.map((tx) => tx.raw))).toEqual(
      small.chains.map((chain) => chain.transactions.map((tx) => tx.raw)),
    );
  });

  it('encodes calldata as an ABI coder does', () => {
    const abi = new Interface([
      'function transfer(address,uint256)',
      'function approve(address,uint256)',
      'function safeTransferFrom(address,address,uint256)',
      'function swapExactTokensForTokens(uint256,uint256,address[],address,uint256)',
      'function disperseEther(address[],uint256[])',
    ]);
    const called = ethereum.transactions.filter((tx) => tx.raw.input !== '0x' && tx.raw.to !== null);
    const names = new Set<string>();
    for (const { raw } of called) {
      const parsed = abi.parseTransaction({ data: raw.input, value: raw.value });
      expect(parsed).not.toBeNull();
      names.add(parsed?.name as string);
      expect(abi.encodeFunctionData(parsed?.fragment as never, parsed?.args as never)).toBe(raw.input);
    }
    expect(names.size).toBe(5);
  });

  it('needs receipts for the account’s approvals and swaps, the node for others’ transactions, and floors requests by the limits', () => {
    const dataset = full;
    const floor = floorRequests(dataset);
    const othersKinds = new Set(['erc20-receive', 'internal-receive', 'nft-receive']);
    for (const chain of dataset.chains) {
      const needed = receiptsNeeded(chain, dataset.account);
      const expected = chain.transactions.filter((tx) => tx.kind === 'approval' || tx.kind === 'swap');
      expect(needed.map((tx) => tx.raw.hash)).toEqual(expected.map((tx) => tx.raw.hash));
      const others = othersTransactions(chain, dataset.account);
      expect(others.map((tx) => tx.raw.hash)).toEqual(
        chain.transactions.filter((tx) => othersKinds.has(tx.kind)).map((tx) => tx.raw.hash),
      );
      expect(floor.chains.find((entry) => entry.chainId === chain.chainId)).toEqual({
        chainId: chain.chainId,
        explorer: 5,
        receipts: needed.length,
        others: others.length,
        rpc: 1 + Math.ceil((needed.length + 2 * others.length) / 50),
        rowsOnlyRpc: 1 + Math.ceil(needed.length / 50),
      });
    }
    expect(floor.explorer).toBe(15);
    expect(floor.total).toBe(floor.explorer + floor.rpc);
    expect(floor.rowsOnlyTotal).toBeLessThan(floor.total);
    // Smaller pages cost more requests: 4,000 Ethereum transactions list in more than one 1,000-row page.
    expect(floorRequests(dataset, { explorerPageRows: 1_000, rpcMaxBatch: 50 }).explorer).toBeGreaterThan(15);
  });
});

describe('the Etherscan double', () => {
  it('lists each action with Etherscan’s fields, as strings, and no logIndex', async () => {
    const double = await etherscan();
    const txlist = await list(double, { action: 'txlist' });
    expect(txlist.status).toBe('1');
    const rows = txlist.result as Record<string, string>[];
    expect(Object.keys(rows[0] as object)).toEqual([
      'blockNumber',
      'timeStamp',
      'hash',
      'nonce',
      'blockHash',
      'transactionIndex',
      'from',
      'to',
      'value',
      'gas',
      'gasPrice',
      'isError',
      'txreceipt_status',
      'input',
      'contractAddress',
      'cumulativeGasUsed',
      'gasUsed',
      'confirmations',
      'methodId',
      'functionName',
    ]);
    expect(rows.every((row) => Object.values(row).every((value) => typeof value === 'string'))).toBe(true);
    expect(rows.every((row) => row.from === account || row.to === account)).toBe(true);
    const failed = rows.find((row) => row.isError === '1');
    expect(failed).toMatchObject({
      txreceipt_status: '0',
      functionName: expect.stringMatching(/^swapExact/),
    });
    const deployment = rows.find((row) => row.to === '');
    expect(deployment?.contractAddress).toMatch(/^0x[0-9a-f]{40}$/);

    const tokens = (await list(double, { action: 'tokentx' })).result as Record<string, string>[];
    expect(Object.keys(tokens[0] as object)).toEqual([
      'blockNumber',
      'timeStamp',
      'hash',
      'nonce',
      'blockHash',
      'from',
      'contractAddress',
      'to',
      'value',
      'tokenName',
      'tokenSymbol',
      'tokenDecimal',
      'transactionIndex',
      'gas',
      'gasPrice',
      'gasUsed',
      'cumulativeGasUsed',
      'input',
      'confirmations',
    ]);
    expect(tokens.some((row) => row.to === account && row.from !== account)).toBe(true);
    const nfts = (await list(double, { action: 'tokennfttx' })).result as Record<string, string>[];
    expect(nfts[0]).toMatchObject({ tokenID: expect.stringMatching(/^\d+$/), tokenDecimal: '0' });
    const internal = (await list(double, { action: 'txlistinternal' })).result as Record<string, string>[];
    expect(Object.keys(internal[0] as object)).toEqual([
      'blockNumber',
      'timeStamp',
      'hash',
      'from',
      'to',
      'value',
      'contractAddress',
      'input',
      'type',
      'gas',
      'gasUsed',
      'traceId',
      'isError',
      'errCode',
    ]);
    expect(internal.every((row) => row.to === account && row.type === 'call')).toBe(true);
    expect(await list(double, { action: 'token1155tx' })).toEqual({
      status: '0',
      message: 'No transactions found',
      result: [],
    });
    expect(double.byAction()).toEqual({
      txlist: 1,
      tokentx: 1,
      tokennfttx: 1,
      txlistinternal: 1,
      token1155tx: 1,
    });
  });

  it('pages within the result window, filters blocks inclusively, and refuses a larger window', async () => {
    const double = await etherscan();
    const all = (await list(double, { action: 'txlist', page: 1, offset: 10_000 })).result as {
      hash: string;
    }[];
    const paged: { hash: string }[] = [];
    for (let page = 1; page <= 4; page++) {
      const answer = await list(double, { action: 'txlist', page, offset: 100 });
      if (page <= Math.ceil(all.length / 100)) paged.push(...(answer.result as { hash: string }[]));
      else expect(answer).toMatchObject({ status: '0', message: 'No transactions found' });
    }
    expect(paged.map((row) => row.hash)).toEqual(all.map((row) => row.hash));

    const first = ethereum.transactions[10]?.raw.blockNumber as number;
    const last = ethereum.transactions[20]?.raw.blockNumber as number;
    const ranged = (await list(double, { action: 'txlist', startblock: first, endblock: last })).result as {
      blockNumber: string;
    }[];
    expect(ranged[0]?.blockNumber).toBe(String(first));
    expect(ranged.every((row) => Number(row.blockNumber) >= first && Number(row.blockNumber) <= last)).toBe(
      true,
    );

    const tooLarge = {
      status: '0',
      message: 'NOTOK',
      result: 'Result window is too large, PageNo x Offset size must be less than or equal to 10000',
    };
    expect(await list(double, { action: 'txlist', page: 2, offset: 5_001 })).toEqual(tooLarge);
    expect(await list(double, { action: 'txlist', page: 1, offset: 10_001 })).toEqual(tooLarge);
    expect(await list(double, { action: 'txlist', apikey: '' })).toMatchObject({
      result: 'Missing/Invalid API Key',
    });
    expect(await list(double, { action: 'txlist', chainid: 5 })).toMatchObject({
      result: expect.stringContaining('unsupported chainid'),
    });
  });

  it('refuses past five requests a second across chains, and counts the refusals', async () => {
    let clock = 0;
    const double = await etherscan(5, () => clock);
    const answers = await Promise.all(
      [1, 10, 8453, 1, 10, 8453, 1, 10].map((chainid) => list(double, { action: 'txlist', chainid })),
    );
    const refusals = answers.filter((answer) => answer.status === '0');
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toEqual({
      status: '0',
      message: 'NOTOK',
      result: 'Max calls per sec rate limit reached (5/sec)',
    });
    expect([double.requests(), double.refused()]).toEqual([8, 3]);
    expect(double.byChain()).toEqual({ 1: 3, 10: 3, 8453: 2 });
    // A fifth of a second later one more request may go, and only one.
    clock += 200;
    expect((await list(double, { action: 'txlist' })).status).toBe('1');
    expect((await list(double, { action: 'txlist' })).status).toBe('0');
    expect(double.refused()).toBe(4);
  });
});

describe('the RPC double', () => {
  it('serves what the app’s RpcClient and fetcher read, equal to the dataset', async () => {
    const double = await node({ perSecond: 25 });
    const client = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: [double.url],
      maxBatchCalls: 50,
    });
    expect(await supportsOtterscan(client)).toBe(false);
    const picked = ethereum.transactions.slice(0, 60);
    const fetched = await fetchTransactions(
      client,
      picked.map((tx) => ({ hash: tx.raw.hash, blockNumber: tx.raw.blockNumber })),
    );
    expect(fetched).toEqual(picked.map((tx) => tx.raw));
    expect(await client.send(rpc.blockNumber())).toBe(BigInt(ethereum.headBlock));
    // One probe (with the chain check), 180 calls in four batches of at most 50, one head.
    expect([double.requests(), double.calls(), double.refused()]).toEqual([6, 183, 0]);
    expect(double.byMethod()).toMatchObject({
      eth_chainId: 1,
      ots_getApiLevel: 1,
      eth_getTransactionReceipt: 60,
    });
  });

  it('answers logs by address and topics, and headers of any block up to the head', async () => {
    const double = await node();
    const inbound = [TRANSFER_TOPIC, null, `0x${account.slice(2).padStart(64, '0')}`];
    const { body } = await post(
      double,
      call(1, 'eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest', topics: inbound }]),
    );
    const expected = ethereum.transactions.flatMap((tx) =>
      tx.raw.logs.filter((log) => log.topics[0] === TRANSFER_TOPIC && log.topics[2] === inbound[2]),
    );
    expect((body as { result: unknown[] }).result).toHaveLength(expected.length);
    const empty = ethereum.firstBlock + 1;
    const header = (await post(double, call(2, 'eth_getBlockByNumber', [`0x${empty.toString(16)}`, false])))
      .body;
    expect(header).toMatchObject({ result: { hash: blockHash(1, empty), transactions: [] } });
    const future = `0x${(ethereum.headBlock + 1).toString(16)}`;
    expect((await post(double, call(3, 'eth_getBlockByNumber', [future, false]))).body).toMatchObject({
      result: null,
    });
    expect(
      (await post(double, call(4, 'eth_call', [{ to: account, data: '0x' }, 'latest']))).body,
    ).toMatchObject({
      error: { code: -32000 },
    });
    expect((await post(double, call(5, 'debug_traceTransaction', []))).body).toMatchObject({
      error: { code: -32601, message: 'the method debug_traceTransaction does not exist/is not available' },
    });
  });

  it('refuses a batch over 50 in geth’s shape when asked, which the app’s RpcClient splits', async () => {
    const double = await node({ maxBatch: 50, batchRefusal: 'geth' });
    const batch = Array.from({ length: 51 }, (_, i) => call(i + 7, 'eth_blockNumber'));
    expect(await post(double, batch)).toEqual({
      status: 200,
      body: [{ jsonrpc: '2.0', id: 7, error: { code: -32600, message: 'batch too large' } }],
    });

    const client = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: [double.url],
      maxBatchCalls: 100,
    });
    const heads = await client.sendBatch(Array.from({ length: 80 }, () => rpc.blockNumber()));
    expect(heads).toEqual(Array.from({ length: 80 }, () => BigInt(ethereum.headBlock)));
    // 81 calls with the chain check, refused; the check alone; then 80 in halves of what was refused.
    expect([double.requests() - 1, double.refused() - 1]).toEqual([4, 1]);
    await client.sendBatch(Array.from({ length: 80 }, () => rpc.blockNumber()));
    expect([double.requests() - 1, double.refused() - 1]).toEqual([6, 1]);
  });

  it('refuses a batch over 50 calls and requests over 25 a second, and counts both', async () => {
    const double = await node({ perSecond: 25, maxBatch: 50, now: () => 0 });
    const batch = (size: number) => Array.from({ length: size }, (_, i) => call(i + 1, 'eth_blockNumber'));
    const fifty = await post(double, batch(50));
    expect(fifty.status).toBe(200);
    expect(fifty.body).toHaveLength(50);
    expect(await post(double, batch(51))).toEqual({
      status: 200,
      body: { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch too large' } },
    });
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post(double, call(i, 'eth_chainId'))),
    );
    const limited = burst.filter((answer) => answer.status === 429);
    // The two batches took two of the 25 a second: 23 of the 30 pass.
    expect(limited).toHaveLength(7);
    expect(limited[0]?.body).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32005, message: 'rate limit exceeded' },
    });
    expect(double.requests()).toBe(32);
    expect(double.refused()).toBe(1 + limited.length);
    expect(double.calls()).toBe(50 + 30 - limited.length);
  });

  it('moves its head on request', async () => {
    const double = await node();
    double.setHead(ethereum.firstBlock);
    expect((await post(double, call(1, 'eth_blockNumber'))).body).toMatchObject({
      result: `0x${ethereum.firstBlock.toString(16)}`,
    });
  });
});
