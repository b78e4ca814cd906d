import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, scriptedRpcServer, type ScriptedRpcServer } from '../../../test/anvil/scriptedRpcServer';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { createEventHub, type EventHub } from '../api/events';
import { createLogger } from '../log';
import { SettingsService } from '../settings/settingsService';
import { SettingsRepository } from '../store/settingsRepository';
import { ChainDirectory } from './chainDirectory';
import { Networks } from './networks';
import type { SecretStore } from './rpcEndpoints';

/** An in-memory stand-in for the vault, which has its own tests against the real keychain. */
function memorySecrets(): SecretStore {
  const map = new Map<string, Uint8Array>();
  return {
    names: () => [...map.keys()],
    get: async (name) => map.get(name) ?? null,
    put: async (name, secret) => void map.set(name, secret),
    delete: (name) => map.delete(name),
  };
}

/** A node for chain 777 (0x309) whose Multicall3 has code, unless told otherwise. */
function devnet(withMulticall = true) {
  return scriptedRpcServer((body) =>
    answer(body, { eth_chainId: '0x309', eth_getCode: withMulticall ? '0x6080' : '0x' }),
  );
}

describe('Networks', () => {
  const temp = useTempDatabase('networks-');
  let events: EventHub;
  let settings: SettingsService;
  let networks: Networks;
  let node: ScriptedRpcServer | undefined;
  const pushed: string[] = [];

  beforeEach(() => {
    events = createEventHub();
    events.subscribe((name) => void pushed.push(name));
    const directory = new ChainDirectory(temp.db);
    const log = createLogger('networks-test', () => undefined);
    settings = new SettingsService(
      new SettingsRepository(temp.db),
      events,
      log,
      (id) => !!directory.find(id),
    );
    networks = new Networks({
      db: temp.db,
      directory,
      secrets: memorySecrets(),
      settings,
      events,
      accounts: () => [],
      log,
      pollMs: 0,
    });
  });
  afterEach(async () => {
    networks.close();
    await node?.close();
    node = undefined;
    pushed.length = 0;
  });

  it('follows the enabled networks in settings', async () => {
    await networks.ready();
    expect(networks.chains.status().map((s) => s.chainId)).toEqual([1]);
    settings.set({ enabledChainIds: [10, 8453] });
    await networks.ready();
    expect(networks.chains.status().map((s) => s.chainId)).toEqual([10, 8453]);
  });

  it('adds a network that proves itself, enables it and announces it', async () => {
    node = await devnet();
    const chain = await networks.addCustom({
      chainId: 777,
      name: 'Devnet',
      symbol: 'DEV',
      decimals: 18,
      rpcUrl: node.url,
      explorerUrl: null,
    });
    expect(chain).toMatchObject({ id: 777, name: 'Devnet', rpcUrls: [] });
    expect(settings.get().enabledChainIds).toEqual([1, 777]);
    expect(pushed).toContain('chains.changed');
    await networks.ready();
    expect(networks.chains.status().map((s) => s.chainId)).toEqual([1, 777]);
  });

  it('refuses a network without Multicall3 and stores nothing', async () => {
    node = await devnet(false);
    await expect(
      networks.addCustom({
        chainId: 777,
        name: 'Devnet',
        symbol: 'DEV',
        decimals: 18,
        rpcUrl: node.url,
        explorerUrl: null,
      }),
    ).rejects.toThrow(/no Multicall3/);
    expect(networks.list().some((chain) => chain.id === 777)).toBe(false);
  });

  it('refuses an endpoint that serves another chain as chain_unavailable', async () => {
    node = await devnet();
    await expect(
      networks.addCustom({
        chainId: 778,
        name: 'Devnet',
        symbol: 'DEV',
        decimals: 18,
        rpcUrl: node.url,
        explorerUrl: null,
      }),
    ).rejects.toMatchObject({ code: 'chain_unavailable' });
  });

  it('removes an added network, disabling it first', async () => {
    node = await devnet();
    await networks.addCustom({
      chainId: 777,
      name: 'Devnet',
      symbol: 'DEV',
      decimals: 18,
      rpcUrl: node.url,
      explorerUrl: null,
    });
    await networks.removeCustom(777);
    expect(settings.get().enabledChainIds).toEqual([1]);
    expect(networks.list().some((chain) => chain.id === 777)).toBe(false);
    await expect(networks.removeCustom(1)).rejects.toThrow(/not a network you added/);
  });
});
