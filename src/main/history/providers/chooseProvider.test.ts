import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../../rpc/rpcClient';
import { answer, scriptedRpcServer, type ScriptedRpcServer } from '../../../../test/anvil/scriptedRpcServer';
import { chooseProvider } from './chooseProvider';

let node: ScriptedRpcServer | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

async function client(chainId: number, otterscan: boolean): Promise<RpcClient> {
  const results = { eth_chainId: `0x${chainId.toString(16)}`, ...(otterscan ? { ots_getApiLevel: 8 } : {}) };
  node = await scriptedRpcServer((body) => answer(body, results));
  return new RpcClient({ chainId, chainName: `Chain ${chainId}`, urls: [node.url], retry: { attempts: 1 } });
}

const chain = (id: number) => ({ id, name: `Chain ${id}` });

describe('chooseProvider', () => {
  it('prefers the node’s Otterscan index over any explorer', async () => {
    const provider = await chooseProvider(chain(1), await client(1, true), {
      explorers: true,
      etherscanKey: 'key',
    });
    expect(provider.name).toBe('otterscan');
  });

  it('uses Etherscan with a key on a chain it serves', async () => {
    const provider = await chooseProvider(chain(8453), await client(8453, false), {
      explorers: true,
      etherscanKey: 'key',
    });
    expect(provider.name).toBe('etherscan');
  });

  it('uses a known Blockscout instance without a key, or on a chain Etherscan does not serve', async () => {
    expect((await chooseProvider(chain(10), await client(10, false), { explorers: true })).name).toBe(
      'blockscout',
    );
    await node?.close();
    const custom = await chooseProvider(chain(777), await client(777, false), {
      explorers: true,
      etherscanKey: 'key',
      blockscoutUrl: 'https://explorer.example',
    });
    expect(custom.name).toBe('blockscout');
  });

  it('falls back to the logs scan when nothing else knows the chain', async () => {
    const provider = await chooseProvider(chain(777), await client(777, false), {
      explorers: true,
      etherscanKey: 'key',
    });
    expect(provider.name).toBe('logs');
  });

  it('never asks an explorer about the user’s addresses unless the user allowed it', async () => {
    const provider = await chooseProvider(chain(8453), await client(8453, false), { etherscanKey: 'key' });
    expect(provider.name).toBe('logs');
  });
});
