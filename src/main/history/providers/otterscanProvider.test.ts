import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../../rpc/rpcClient';
import {
  answer,
  type JsonRpcCall,
  scriptedRpcServer,
  type ScriptedRpcServer,
} from '../../../../test/anvil/scriptedRpcServer';
import { toChecksumAddress } from '../../store/address';
import type { HistoryProvider } from '../rawTransaction';
import { OtterscanProvider, supportsOtterscan } from './otterscanProvider';

const ADDRESS = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const hex = (n: number) => `0x${n.toString(16)}`;

function entry(block: number) {
  const common = { blockHash: hash(block + 5000), blockNumber: hex(block), transactionIndex: '0x0' };
  return {
    tx: {
      ...common,
      hash: hash(block),
      from: ADDRESS.toLowerCase(),
      to: null,
      value: '0x0',
      input: '0x',
      nonce: '0x0',
    },
    receipt: {
      ...common,
      transactionHash: hash(block),
      status: '0x1',
      gasUsed: '0x1',
      effectiveGasPrice: '0x1',
      contractAddress: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      logs: [],
      timestamp: hex(1_700_000_000 + block),
    },
  };
}

let node: ScriptedRpcServer | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

/** An Otterscan node whose address has one transaction in each listed block, answering two blocks a page. */
async function otterscan(blocks: number[], drop?: 'receipts') {
  const afters: number[] = [];
  node = await scriptedRpcServer((body) =>
    answer(body, {
      eth_chainId: '0x1',
      ots_getApiLevel: 8,
      ots_searchTransactionsAfter: (call: JsonRpcCall) => {
        const after = call.params[1] as number;
        afters.push(after);
        const later = blocks.filter((block) => block > after);
        const page = later.slice(0, 2).map(entry).reverse();
        return {
          txs: page.map((e) => e.tx),
          receipts: drop ? [] : page.map((e) => e.receipt),
          firstPage: later.length <= 2,
          lastPage: after === 0,
        };
      },
    }),
  );
  const client = new RpcClient({
    chainId: 1,
    chainName: 'Ethereum',
    urls: [node.url],
    retry: { attempts: 1 },
  });
  return { client, afters };
}

describe('OtterscanProvider', () => {
  it('pages forward from the block before the range and keeps only what is in it, oldest first', async () => {
    const { client, afters } = await otterscan([5, 10, 20, 30, 40, 50]);
    const refs = await new OtterscanProvider(client).transactions(ADDRESS, { fromBlock: 10, toBlock: 35 });
    expect(refs.map((ref) => ref.blockNumber)).toEqual([10, 20, 30]);
    expect(afters).toEqual([9, 20]);
    expect(refs[0]?.full).toMatchObject({
      hash: hash(10),
      blockHash: hash(5010),
      timestamp: 1_700_000_010,
      contractAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      to: null,
    });
  });

  it('merges in what a token-events provider finds, each transaction once', async () => {
    const { client } = await otterscan([10, 20]);
    const tokenEvents: HistoryProvider = {
      name: 'logs',
      transactions: async () => [
        { hash: hash(15), blockNumber: 15 },
        { hash: hash(20), blockNumber: 20 },
      ],
    };
    const refs = await new OtterscanProvider(client, { tokenEvents }).transactions(ADDRESS, {
      fromBlock: 0,
      toBlock: 30,
    });
    expect(refs.map((ref) => [ref.blockNumber, ref.full !== undefined])).toEqual([
      [10, true],
      [15, false],
      [20, true],
    ]);
  });

  it('refuses a page whose transactions come without their receipts', async () => {
    const { client } = await otterscan([10], 'receipts');
    await expect(
      new OtterscanProvider(client).transactions(ADDRESS, { fromBlock: 0, toBlock: 30 }),
    ).rejects.toMatchObject({ name: 'ProviderError', message: /without its receipt/ });
  });

  it('probes for the namespace with ots_getApiLevel', async () => {
    expect(await supportsOtterscan((await otterscan([])).client)).toBe(true);
    await node?.close();
    node = await scriptedRpcServer((body) => answer(body, { eth_chainId: '0x1' }));
    const plain = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: [node.url],
      retry: { attempts: 1 },
    });
    expect(await supportsOtterscan(plain)).toBe(false);
  });
});
