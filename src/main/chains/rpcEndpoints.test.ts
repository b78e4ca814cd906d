import { describe, expect, it } from 'vitest';
import { CHAINS } from '../../shared/chains/registry';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { RpcEndpoints } from './rpcEndpoints';

describe('RpcEndpoints', () => {
  it('gives the enabled chains in registry order, with built-in endpoints and no secret read', async () => {
    const secrets = memorySecrets();
    const chains = await new RpcEndpoints(secrets, () => CHAINS).enabledChains([8453, 1]);
    expect(chains.map((c) => c.id)).toEqual([1, 8453]);
    expect(chains[0]?.rpcUrls).toEqual(CHAINS[0]?.rpcUrls);
    expect(secrets.reads).toBe(0);
  });

  it('puts the user’s endpoints in place of the built-in ones, and goes back when they are cleared', async () => {
    const endpoints = new RpcEndpoints(memorySecrets(), () => CHAINS);
    await endpoints.set(1, ['https://mainnet.example/v3/secret-key']);
    expect((await endpoints.enabledChains([1]))[0]?.rpcUrls).toEqual([
      'https://mainnet.example/v3/secret-key',
    ]);
    await endpoints.set(1, []);
    expect((await endpoints.enabledChains([1]))[0]?.rpcUrls).toEqual(CHAINS[0]?.rpcUrls);
  });

  it('refuses a chain it does not know', async () => {
    await expect(
      new RpcEndpoints(memorySecrets(), () => CHAINS).set(31337, ['http://127.0.0.1:8545']),
    ).rejects.toThrow(/not a network this wallet knows/);
  });
});
