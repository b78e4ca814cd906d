import { afterEach, describe, expect, it } from 'vitest';
import { answer, scriptedRpcServer, type ScriptedRpcServer } from '../../../test/anvil/scriptedRpcServer';
import { probeChainId } from './rpcProbe';

describe('probeChainId', () => {
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const probe = async (reply: Parameters<typeof scriptedRpcServer>[0], timeoutMs = 1000) => {
    server = await scriptedRpcServer(reply);
    return probeChainId((input, init) => fetch(input, init), server.url, timeoutMs);
  };

  it('reads the chain id an endpoint answers, asking nothing else', async () => {
    expect(await probe((body) => answer(body, { eth_chainId: '0xa4b1' }))).toBe(42161);
    expect(server?.received).toEqual([{ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }]);
  });

  it.each([
    ['an error', (body: unknown) => answer(body, {})],
    ['a non-hex id', () => ({ json: { jsonrpc: '2.0', id: 1, result: '42161' } })],
    ['a zero id', () => ({ json: { jsonrpc: '2.0', id: 1, result: '0x0' } })],
    ['an id past 2^53', () => ({ json: { jsonrpc: '2.0', id: 1, result: '0x20000000000000' } })],
    ['a 500', () => ({ status: 500, json: { jsonrpc: '2.0', id: 1, result: '0x1' } })],
    ['garbage', () => ({ text: 'not json' })],
    [
      'an oversized answer',
      () => ({ json: { jsonrpc: '2.0', id: 1, result: '0x1', pad: 'x'.repeat(10_000) } }),
    ],
  ])('is null for %s', async (_name, reply) => {
    expect(await probe(reply)).toBeNull();
  });

  it('gives up after its time', async () => {
    const started = Date.now();
    expect(await probe(() => ({ hang: true }), 200)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
