import { afterEach, describe, expect, it } from 'vitest';
import {
  type JsonRpcCall,
  scriptedRpcServer,
  type ScriptedRpcServer,
} from '../../../../test/anvil/scriptedRpcServer';
import { RpcClient } from '../../rpc/rpcClient';
import { addressesWithCode } from './spenderCode';

const CONTRACT = '0x3333333333333333333333333333333333333333';
const PLAIN = '0x4444444444444444444444444444444444444444';

let node: ScriptedRpcServer | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

describe('addressesWithCode', () => {
  it('asks each distinct address once, in one batch, and keeps those with code', async () => {
    const asked: JsonRpcCall[][] = [];
    node = await scriptedRpcServer((body) => {
      const calls = (Array.isArray(body) ? body : [body]) as JsonRpcCall[];
      const codes = calls.filter((call) => call.method === 'eth_getCode');
      if (codes.length > 0) asked.push(codes);
      const reply = (call: JsonRpcCall) => ({
        jsonrpc: '2.0',
        id: call.id,
        result:
          call.method === 'eth_chainId' ? '0x1' : (call.params as string[])[0] === CONTRACT ? '0x6080' : '0x',
      });
      return { json: Array.isArray(body) ? calls.map(reply) : reply(body as JsonRpcCall) };
    });
    const client = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: [node.url],
      retry: { attempts: 1 },
    });
    expect(await addressesWithCode(client, [CONTRACT, PLAIN, CONTRACT])).toEqual(new Set([CONTRACT]));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.map((call) => (call.params as string[])[0])).toEqual([CONTRACT, PLAIN]);
  });

  it('asks nothing for no addresses', async () => {
    const client = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: ['http://127.0.0.1:9'],
      retry: { attempts: 1 },
    });
    expect(await addressesWithCode(client, [])).toEqual(new Set());
  });
});
