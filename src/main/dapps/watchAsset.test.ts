import { beforeAll, describe, expect, it } from 'vitest';
import { deployMulticall3, deployToken, fixtureAddress } from '../../../test/anvil/chainSetup';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { connectSite, dappsHarness, first } from '../../../test/dapps/dappsHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { ChainsError } from '../chains/chainsError';
import { RpcClient } from '../rpc/rpcClient';
import { toChecksumAddress } from '../store/address';
import { ProviderError } from './providerError';

const TOKEN = toChecksumAddress(fixtureAddress('watch-asset', 'usdc'));
const NOT_A_TOKEN = toChecksumAddress(fixtureAddress('watch-asset', 'nothing'));
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof ProviderError ? error.code : error),
  );
const asset = (address: string, type = 'ERC20') => ({
  type,
  options: { address, symbol: 'FAKE', decimals: 2 },
});

describe('wallet_watchAsset on anvil', () => {
  const temp = useTempDatabase('dapps-watch-');
  const nodes = useAnvilChains([31_337]);

  beforeAll(async () => {
    const url = nodes[0]?.url ?? 'none';
    await deployMulticall3(url);
    await deployToken(url, TOKEN, { name: 'USD Coin', symbol: 'USDC', decimals: 6, totalSupply: 1n });
  });

  async function connected() {
    const h = dappsHarness(temp.db);
    h.state.names.set(31_337, 'Anvil');
    h.state.enabled.add(31_337);
    h.state.clients.set(
      31_337,
      new RpcClient({ chainId: 31_337, chainName: 'Anvil', urls: [nodes[0]?.url ?? ''] }),
    );
    await connectSite(h);
    await h.call('wallet_switchEthereumChain', [{ chainId: '0x7a69' }]);
    return h;
  }

  it('queues the token as its contract names it, not as the site does, and adds it on approval', async () => {
    const h = await connected();
    const answered = h.call('wallet_watchAsset', asset(TOKEN));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const request = first(h.service.requests());
    expect(request.detail).toEqual({
      type: 'watch-asset',
      chainId: 31_337,
      address: TOKEN,
      symbol: 'USDC',
      decimals: 6,
    });
    await h.service.approve({ id: request.id });
    expect(await answered).toBe(true);
    expect(h.wallet.addToken).toHaveBeenCalledWith(31_337, TOKEN);
  });

  it('a token the wallet has already is as good as added', async () => {
    const h = await connected();
    h.wallet.addToken = async () => {
      throw new ChainsError('conflict', 'USDC is already in your tokens.');
    };
    const answered = h.call('wallet_watchAsset', [asset(TOKEN)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await h.service.approve({ id: first(h.service.requests()).id });
    expect(await answered).toBe(true);
  });

  it('refuses what is not an ERC20 token, before asking the user', async () => {
    const h = await connected();
    expect(await code(h.call('wallet_watchAsset', asset(NOT_A_TOKEN)))).toBe(-32602);
    expect(await code(h.call('wallet_watchAsset', asset(TOKEN, 'ERC721')))).toBe(-32602);
    expect(await code(h.call('wallet_watchAsset', { type: 'ERC20', options: { address: 'nope' } }))).toBe(
      -32602,
    );
    expect(h.service.requests()).toEqual([]);
  });
});
