import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  refusedUrl,
  scriptedRpcServer,
  type ScriptedRpcServer,
} from '../../../test/anvil/scriptedRpcServer';
import { SITE, connectSite, dappsHarness, first } from '../../../test/dapps/dappsHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { ProviderError } from './providerError';

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof ProviderError ? `${error.code} ${error.message}` : error),
  );

function addParams(chainId: string, rpcUrls: string[], extra: Record<string, unknown> = {}) {
  return [
    {
      chainId,
      chainName: 'Demo Chain',
      nativeCurrency: { name: 'Demo', symbol: 'DEMO', decimals: 18 },
      rpcUrls,
      blockExplorerUrls: ['http://not-https.example', 'https://scan.demo.example'],
      ...extra,
    },
  ];
}

describe('chain methods', () => {
  const temp = useTempDatabase('dapps-chains-');
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('switches a connected site to an enabled chain at once and tells its pages', async () => {
    const h = dappsHarness(temp.db);
    await connectSite(h);
    expect(await h.call('wallet_switchEthereumChain', [{ chainId: '0xa' }])).toBeNull();
    expect(h.linkEvents.at(-1)).toEqual({ origin: SITE, name: 'chainChanged', data: '0xa' });
    expect(await h.call('eth_chainId')).toBe('0xa');
    expect(await h.call('net_version')).toBe('10');
    expect(h.service.sites()[0]).toMatchObject({ chainId: 10, chainName: 'OP Mainnet' });
  });

  it('answers 4902 for a chain that is off or unknown, 4100 for an unconnected site, -32602 for bad ids', async () => {
    const h = dappsHarness(temp.db);
    expect(await code(h.call('wallet_switchEthereumChain', [{ chainId: '0xa' }]))).toMatch(/^4100/);
    await connectSite(h);
    expect(await code(h.call('wallet_switchEthereumChain', [{ chainId: '0x89' }]))).toMatch(/^4902/);
    expect(await code(h.call('wallet_switchEthereumChain', [{ chainId: '0x5' }]))).toMatch(/^4902/);
    expect(await code(h.call('wallet_switchEthereumChain', [{ chainId: '0x0' }]))).toMatch(/^-32602/);
    expect(await code(h.call('wallet_switchEthereumChain', [{ chainId: 10 }]))).toMatch(/^-32602/);
    expect(await code(h.call('wallet_switchEthereumChain', [{ chainId: '0x20000000000000' }]))).toMatch(
      /^-32602/,
    );
  });

  it('adding a chain the wallet has off queues a switch that turns it on', async () => {
    const h = dappsHarness(temp.db);
    await connectSite(h);
    const answered = h.call('wallet_addEthereumChain', addParams('0x89', ['https://polygon.example']));
    await h.tick();
    const request = first(h.service.requests());
    expect(request.detail).toEqual({ type: 'switch-chain', chainId: 137, chainName: 'Polygon' });
    await h.service.approve({ id: request.id });
    expect(await answered).toBeNull();
    expect(h.wallet.enableChain).toHaveBeenCalledWith(137);
    expect(h.linkEvents.at(-1)).toEqual({ origin: SITE, name: 'chainChanged', data: '0x89' });
    // The site's own chain, enabled: nothing to ask.
    expect(
      await h.call('wallet_addEthereumChain', addParams('0x89', ['https://polygon.example'])),
    ).toBeNull();
  });

  it('adds a new chain only when its RPC answers the id it claims', async () => {
    server = await scriptedRpcServer((body) => answer(body, { eth_chainId: '0x539' }));
    const h = dappsHarness(temp.db, { fetch: (input, init) => fetch(input, init) });
    await connectSite(h);
    expect(await code(h.call('wallet_addEthereumChain', addParams('0x538', [server.url])))).toBe(
      `-32602 The RPC at ${server.host} serves chain 1337, not 1336, so the network was not added.`,
    );
    const answered = h.call('wallet_addEthereumChain', addParams('0x539', [server.url]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const request = first(h.service.requests());
    expect(request.detail).toEqual({
      type: 'add-chain',
      chainId: 1337,
      chainName: 'Demo Chain',
      rpcUrl: server.url,
      nativeSymbol: 'DEMO',
      explorerUrl: 'https://scan.demo.example',
      rpcChainId: 1337,
    });
    await h.service.approve({ id: request.id });
    expect(await answered).toBeNull();
    expect(h.wallet.addChain).toHaveBeenCalledWith({
      chainId: 1337,
      name: 'Demo Chain',
      symbol: 'DEMO',
      decimals: 18,
      rpcUrl: server.url,
      explorerUrl: 'https://scan.demo.example',
    });
    expect(await h.call('eth_chainId')).toBe('0x539');
  });

  it('refuses an RPC that does not answer, or that a site may not point the wallet at', async () => {
    server = await scriptedRpcServer(() => ({ hang: true }));
    const h = dappsHarness(temp.db, { fetch: (input, init) => fetch(input, init) });
    await connectSite(h);
    expect(await code(h.call('wallet_addEthereumChain', addParams('0x539', [server.url])))).toMatch(
      /^-32602 The RPC at 127\.0\.0\.1:\d+ did not answer eth_chainId/,
    );
    expect(await code(h.call('wallet_addEthereumChain', addParams('0x539', [await refusedUrl()])))).toMatch(
      /did not answer/,
    );
    for (const url of ['http://192.168.1.1:8545', 'ftp://rpc.example', 'https://user:pw@rpc.example']) {
      expect(await code(h.call('wallet_addEthereumChain', addParams('0x539', [url])))).toMatch(
        /needs an https RPC/,
      );
    }
    const wrongDecimals = addParams('0x539', ['https://rpc.example'], {
      nativeCurrency: { name: 'Demo', symbol: 'DEMO', decimals: 6 },
    });
    expect(await code(h.call('wallet_addEthereumChain', wrongDecimals))).toMatch(/^-32602/);
    expect(h.service.requests()).toEqual([]);
  });
});
