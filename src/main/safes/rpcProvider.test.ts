import { afterEach, describe, expect, it } from 'vitest';
import { answer, type ScriptedRpcServer, scriptedRpcServer } from '../../../test/anvil/scriptedRpcServer';
import { safeConnection } from '../../../test/safes/safeConnection';
import { ProviderRefusal, ProviderRpcFailure, rpcProvider } from './rpcProvider';

const servers: ScriptedRpcServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function provider(results: Parameters<typeof answer>[1]) {
  const server = await scriptedRpcServer((body) => answer(body, { eth_chainId: '0x1', ...results }));
  servers.push(server);
  return { provider: rpcProvider(safeConnection(server.url, 1)), server };
}

const methodsSent = (server: ScriptedRpcServer) =>
  server.received.flatMap((body) => (Array.isArray(body) ? body : [body]).map((call) => call.method));

describe('rpcProvider', () => {
  it('passes reads to the node and answers the chain id and accounts itself', async () => {
    const { provider: p, server } = await provider({
      eth_getStorageAt: `0x${'00'.repeat(31)}01`,
      eth_call: '0xabcd',
    });
    expect(await p.request({ method: 'eth_chainId' })).toBe('0x1');
    expect(await p.request({ method: 'eth_accounts' })).toEqual([]);
    expect(await p.request({ method: 'eth_call', params: [{ to: '0x' + '11'.repeat(20) }, 'latest'] })).toBe(
      '0xabcd',
    );
    expect(
      await p.request({ method: 'eth_getStorageAt', params: ['0x' + '11'.repeat(20), '0x0', 'latest'] }),
    ).toBe(`0x${'00'.repeat(31)}01`);
    expect(methodsSent(server).filter((m) => m !== 'eth_chainId')).toEqual(['eth_call', 'eth_getStorageAt']);
  });

  it('refuses every signing and sending method without asking the node', async () => {
    const { provider: p, server } = await provider({});
    for (const method of [
      'eth_sendTransaction',
      'eth_sendRawTransaction',
      'eth_sign',
      'personal_sign',
      'eth_signTypedData_v4',
      'wallet_sendCalls',
    ]) {
      const refusal = await p.request({ method, params: [] }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ProviderRefusal);
      expect(refusal).toMatchObject({ code: 4100, message: expect.stringContaining('read-only') });
    }
    await expect(p.request({ method: 'debug_traceCall', params: [] })).rejects.toMatchObject({ code: 4200 });
    expect(server.received).toEqual([]);
  });

  it('refuses an answer of the wrong shape', async () => {
    const { provider: p } = await provider({ eth_getStorageAt: '0x01' });
    await expect(
      p.request({ method: 'eth_getStorageAt', params: ['0x' + '11'.repeat(20), '0x0', 'latest'] }),
    ).rejects.toThrow();
  });

  it('hands a revert on with the code and data viem decodes', async () => {
    const server = await scriptedRpcServer((body) => {
      const calls = (Array.isArray(body) ? body : [body]) as { id: number; method: string }[];
      const replies = calls.map((call) =>
        call.method === 'eth_chainId'
          ? { jsonrpc: '2.0', id: call.id, result: '0x1' }
          : {
              jsonrpc: '2.0',
              id: call.id,
              error: { code: 3, message: 'execution reverted', data: '0x1234' },
            },
      );
      return { json: Array.isArray(body) ? replies : replies[0] };
    });
    servers.push(server);
    const failure = await rpcProvider(safeConnection(server.url, 1))
      .request({ method: 'eth_call', params: [{}, 'latest'] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderRpcFailure);
    expect(failure).toMatchObject({ code: 3, data: '0x1234' });
  });
});
