import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, scriptedRpcServer, type ScriptedRpcServer } from '../../../test/anvil/scriptedRpcServer';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { Chain } from '../../shared/chains/chain';
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
    await expect(networks.removeCustom(1)).rejects.toThrow(
      /^Ethereum is built in, not a network you added, so it cannot be removed\.$/,
    );
    await expect(networks.removeCustom(777)).rejects.toThrow(
      /^Chain 777 is not a network this wallet knows\.$/,
    );
  });

  it('names the network a new one would clash with, before asking any endpoint', async () => {
    await expect(
      networks.addCustom({
        chainId: 1,
        name: 'Mainnet copy',
        symbol: 'ETH',
        decimals: 18,
        rpcUrl: 'http://127.0.0.1:9/',
        explorerUrl: null,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: 'Chain 1 is already in this wallet, as Ethereum.' });
  });

  describe('explorer links', () => {
    /** The chains main pushes to every screen, as they were last pushed. */
    let lastPushed: Chain[] = [];
    const explorerOf = (chainId: number) => networks.list().find((chain) => chain.id === chainId)?.explorer;
    const pushedExplorerOf = (chainId: number) => lastPushed.find((chain) => chain.id === chainId)?.explorer;
    beforeEach(() => {
      lastPushed = [];
      events.subscribe((name, payload) => {
        if (name === 'chains.changed') lastPushed = payload as Chain[];
      });
    });

    it('drops the public explorer of a chain reached through the user’s own RPC, and says so', async () => {
      expect(explorerOf(1)?.url).toBe('https://etherscan.io');
      await networks.setRpc(1, ['http://127.0.0.1:8545']);
      expect(explorerOf(1)).toBeNull();
      expect(pushedExplorerOf(1)).toBeNull();
      await networks.setRpc(1, []);
      expect(explorerOf(1)?.url).toBe('https://etherscan.io');
    });

    it('links a chain on the user’s RPC to the explorer the user set, until it is cleared', async () => {
      await networks.setRpc(1, ['http://127.0.0.1:8545']);
      const chain = networks.setExplorer({ chainId: 1, explorerUrl: 'https://eth.devnet.example' });
      expect(chain.explorer).toEqual({ name: 'eth.devnet.example', url: 'https://eth.devnet.example' });
      expect(pushedExplorerOf(1)).toEqual(chain.explorer);
      expect(explorerOf(10)?.url).toBe('https://optimistic.etherscan.io');
      networks.setExplorer({ chainId: 1, explorerUrl: null });
      expect(explorerOf(1)).toBeNull();
    });

    it('keeps a custom network’s explorer with the network', () => {
      const directory = new ChainDirectory(temp.db);
      directory.addCustom({ chainId: 777, name: 'Devnet', symbol: 'DEV', decimals: 18, explorerUrl: null });
      networks.setExplorer({ chainId: 777, explorerUrl: 'https://scan.devnet.example' });
      expect(directory.find(777)?.explorer?.url).toBe('https://scan.devnet.example');
      expect(explorerOf(777)?.url).toBe('https://scan.devnet.example');
    });

    it('refuses a chain the wallet does not know, storing nothing', () => {
      expect(() => networks.setExplorer({ chainId: 4242, explorerUrl: 'https://scan.example' })).toThrow(
        'Chain 4242 is not a network this wallet knows.',
      );
      expect(lastPushed).toEqual([]);
    });
  });
});
