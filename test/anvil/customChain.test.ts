import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { createLogger } from '../../src/main/log';
import { useSecretService } from '../keychain/useSecretService';
import { ANVIL_DEV_ACCOUNT, deployMulticall3, setNativeBalances } from './chainSetup';
import { useAnvilChains } from './useAnvilChains';

const ORIGIN = 'http://127.0.0.1:1';
const own = { origin: ORIGIN, isMainFrame: true };
const WITH_MULTICALL = 777;
const BARE = 778;

describe('a custom network, added through the API against a real node', () => {
  useSecretService();
  const nodes = useAnvilChains([WITH_MULTICALL, BARE]);
  let dir: string;
  let core: Core;
  const url = (chainId: number) => nodes.find((node) => node.chainId === chainId)?.url ?? '';
  const call = (channel: string, payload?: unknown) => core.router.invoke(channel, payload, own);

  beforeAll(async () => {
    await deployMulticall3(url(WITH_MULTICALL));
    await setNativeBalances(url(WITH_MULTICALL), [[ANVIL_DEV_ACCOUNT, 3n * 10n ** 18n]]);
    dir = mkdtempSync(join(tmpdir(), 'custom-chain-'));
    core = createCore({
      dataDir: dir,
      app: { name: 'Ledgerline-custom-chain-test', version: '0.0.0-test', host: 'browser' },
      electronVersion: null,
      trustedOrigins: [ORIGIN],
      log: createLogger('custom-chain', () => undefined),
      chainPollMs: 0,
    });
  });
  afterAll(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const network = (chainId: number, rpcUrl: string) => ({ chainId, name: 'Devnet', symbol: 'DEV', rpcUrl });

  it('refuses an endpoint that serves another chain id', async () => {
    const result = await call('chains.addCustom', network(WITH_MULTICALL + 100, url(WITH_MULTICALL)));
    expect(result).toMatchObject({ ok: false, error: { code: 'chain_unavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/777/);
  });

  it('refuses a network without Multicall3, since balances could not be read', async () => {
    const result = await call('chains.addCustom', network(BARE, url(BARE)));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (!result.ok) expect(result.error.message).toMatch(/Multicall3/);
  });

  it('adds, enables and reads a network that proves itself, and removes it again', async () => {
    const added = await call('chains.addCustom', network(WITH_MULTICALL, url(WITH_MULTICALL)));
    expect(added).toMatchObject({ ok: true, data: { id: WITH_MULTICALL, name: 'Devnet', rpcUrls: [] } });
    expect(await call('settings.get')).toMatchObject({
      ok: true,
      data: { enabledChainIds: [1, WITH_MULTICALL] },
    });
    expect(await call('chains.addCustom', network(WITH_MULTICALL, url(WITH_MULTICALL)))).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    // Only the custom network is enabled, so nothing is sent anywhere but this machine.
    await call('settings.set', { enabledChainIds: [WITH_MULTICALL] });
    await call('accounts.addWatch', { address: ANVIL_DEV_ACCOUNT, label: 'Dev' });
    const statuses = await call('portfolio.refresh');
    expect(statuses).toMatchObject({ ok: true, data: [{ chainId: WITH_MULTICALL, state: 'ok' }] });
    const portfolio = await call('portfolio.get');
    expect(portfolio.ok && portfolio.data).toMatchObject({
      holdings: expect.arrayContaining([
        expect.objectContaining({
          chainId: WITH_MULTICALL,
          token: 'native',
          amount: (3n * 10n ** 18n).toString(),
        }),
      ]),
    });

    expect(await call('chains.removeCustom', { chainId: WITH_MULTICALL })).toEqual({ ok: true, data: null });
    const list = await call('chains.list');
    expect(list.ok && (list.data as { id: number }[]).some((chain) => chain.id === WITH_MULTICALL)).toBe(
      false,
    );
    expect(await call('settings.get')).toMatchObject({ ok: true, data: { enabledChainIds: [] } });
    expect(await call('chains.removeCustom', { chainId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
