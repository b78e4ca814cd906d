import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { anvilCall, deployToken, fixtureAddress, sendAndMine } from '../../../test/anvil/chainSetup';
import {
  fixtureAccounts,
  localChain,
  openWalletDatabase,
  seedPortfolio,
  type WalletDatabase,
} from '../../../test/anvil/portfolioFixture';
import { type ScriptedRpcServer, scriptedRpcServer } from '../../../test/anvil/scriptedRpcServer';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import type { Chain } from '../../shared/chains/chain';
import { createLogger } from '../log';
import type { ChecksumAddress } from '../store/address';
import type { ChainBalances } from './balanceReader';
import {
  type ChainStatus,
  ChainsService,
  type Portfolio,
  type PortfolioPricing,
  type RefreshProgress,
} from './chainsService';
import type { RpcExchange } from '../rpc/rpcClient';

// Two local chains standing in for OP Mainnet and Base; the integration tests in test/anvil cover three.
const nodes = useAnvilChains([10, 8453]);
const ACCOUNTS = fixtureAccounts(2);
const OP_USDC = '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85';

beforeAll(async () => {
  await Promise.all(nodes.map((node) => seedPortfolio(node.url, node.chainId, ACCOUNTS, 3)));
});

const chains = (): Chain[] => nodes.map((node) => localChain(node.chainId, node.url));

let nativeWei = 10n ** 18n;
/** A new native balance for the first account, seen by the next block's read. */
const moveBalance = (url: string) =>
  anvilCall(url, 'anvil_setBalance', [ACCOUNTS[0], `0x${(nativeWei++).toString(16)}`]);

let wallet: WalletDatabase | undefined;
const services: ChainsService[] = [];
const hanging: ScriptedRpcServer[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) service.close();
  await Promise.all(hanging.splice(0).map((server) => server.close()));
  wallet?.close();
  wallet = undefined;
});

function service(
  options: {
    chains?: Chain[];
    reuseDatabase?: boolean;
    chainName?: (chainId: number) => string | undefined;
    pricing?: PortfolioPricing;
  } = {},
) {
  if (!options.reuseDatabase || !wallet) wallet = openWalletDatabase();
  const exchanges: RpcExchange[] = [];
  const statuses: ChainStatus[] = [];
  const progress: RefreshProgress[] = [];
  const created = new ChainsService({
    db: wallet.db,
    chains: options.chains ?? chains(),
    accounts: () => ACCOUNTS,
    log: createLogger('chains', () => {}),
    events: { status: (s) => statuses.push(s), progress: (p) => progress.push(p) },
    rpc: { timeoutMs: 2_000, retry: { attempts: 1 }, onExchange: (e) => exchanges.push(e) },
    now: () => 1_700_000_000_000,
    chainName: options.chainName,
    pricing: options.pricing,
  });
  services.push(created);
  return { service: created, exchanges, statuses, progress };
}

describe('ChainsService', () => {
  it('starts stale, and after a restart still knows the block its stored balances are from', async () => {
    const first = service();
    expect(first.service.status()).toEqual([
      expect.objectContaining({
        chainId: 10,
        state: 'stale',
        reason: 'Not read since the app started.',
        lastRead: null,
      }),
      expect.objectContaining({ chainId: 8453, state: 'stale', lastRead: null }),
    ]);
    const [op] = await first.service.refresh();
    expect(op).toMatchObject({ state: 'ok', reason: null, endpoint: new URL(nodes[0]?.url as string).host });
    first.service.close();

    const again = service({ reuseDatabase: true });
    expect(again.service.status()[0]).toMatchObject({ state: 'stale', lastRead: op?.lastRead });
    const tokens = again.service.tokens(10).length;
    expect(again.service.portfolio().holdings.filter((h) => h.chainId === 10)).toHaveLength(
      ACCOUNTS.length * tokens,
    );
  });

  it('reports progress and each chain’s status as chains finish', async () => {
    const { service: s, statuses, progress } = service();
    await s.refresh();
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(statuses.map((st) => st.chainId).toSorted()).toEqual([10, 8453]);
  });

  it('shares one read between refreshes that overlap', async () => {
    const { service: s, exchanges } = service();
    await Promise.all([s.refresh(), s.refresh()]);
    expect(exchanges.filter((e) => e.chainId === 10)).toHaveLength(1);
  });

  it('reads again when a token is added while a read is in flight, instead of sharing the older read', async () => {
    const token = fixtureAddress('late') as ChecksumAddress;
    await deployToken(nodes[0]?.url as string, token, {
      name: 'Late',
      symbol: 'LATE',
      decimals: 0,
      totalSupply: 5n,
    });
    const { service: s } = service();
    const polling = s.refresh({ onlyIfMoved: true });
    await s.addToken(10, token);
    await s.refresh();
    await polling;
    const holdings = s.portfolio().holdings.filter((h) => h.chainId === 10 && h.token === token);
    expect(holdings).toHaveLength(ACCOUNTS.length);
  });

  it('sends nothing for a chain once it is disabled, and keeps the client of a chain that did not change', async () => {
    const { service: s, exchanges } = service();
    await s.refresh();
    s.setChains(chains().slice(0, 1));
    exchanges.length = 0;
    await s.refresh();
    expect(exchanges.map((e) => [e.chainId, e.methods])).toEqual([[10, ['eth_call']]]);
    expect(s.portfolio().holdings.every((h) => h.chainId === 10)).toBe(true);
    expect(() => s.tokens(8453)).toThrow(
      /^Base is not enabled in this wallet\. Turn it on in Settings › Networks\.$/,
    );

    // A new RPC URL is a new endpoint: its chain is checked again.
    s.setChains([localChain(10, `${nodes[0]?.url}/`)]);
    exchanges.length = 0;
    await s.refresh();
    expect(exchanges[0]?.methods).toEqual(['eth_chainId', 'eth_call']);
  });

  it('names a network the user added when refusing it, from the wallet’s own list', () => {
    const { service: s } = service({ chainName: (id) => (id === 777 ? 'Home Devnet' : undefined) });
    expect(() => s.connection(777)).toThrow(
      /^Home Devnet is not enabled in this wallet\. Turn it on in Settings › Networks\.$/,
    );
    expect(() => s.connection(1)).toThrow(/^Chain 1 is not a network this wallet knows\.$/);
  });

  it('reads a chain that keeps moving at once when polled, and tells a poll’s progress only of what it read', async () => {
    const { service: s, exchanges, progress } = service();
    await s.refresh();
    const base = nodes[1]?.url as string;
    // Chains are read side by side: each chain's requests in order, the chains in the order of their ids.
    const asked = () =>
      exchanges.map((e) => [e.chainId, e.methods.join()]).toSorted((a, b) => Number(a[0]) - Number(b[0]));
    const poll = async () => {
      exchanges.length = 0;
      progress.length = 0;
      await s.refresh({ onlyIfMoved: true });
    };

    await poll();
    expect(asked()).toEqual([
      [10, 'eth_blockNumber'],
      [8453, 'eth_blockNumber'],
    ]);
    expect(progress).toEqual([]);

    await moveBalance(base);
    await anvilCall(base, 'evm_mine');
    await poll();
    expect(asked()).toEqual([
      [10, 'eth_blockNumber'],
      [8453, 'eth_blockNumber'],
      [8453, 'eth_call'],
    ]);
    expect(progress).toEqual([{ chainId: 8453, done: 1, total: 1 }]);

    // Base moved last time: it is read at once, in one request.
    await moveBalance(base);
    await anvilCall(base, 'evm_mine');
    await poll();
    expect(asked()).toEqual([
      [10, 'eth_blockNumber'],
      [8453, 'eth_call'],
    ]);
    expect(progress).toEqual([{ chainId: 8453, done: 1, total: 1 }]);
    const read = s.status()[1]?.lastRead;

    // It did not move again: that read is of a block already stored, so nothing is told, and the next poll
    // asks for the head first again.
    await poll();
    expect(asked()).toEqual([
      [10, 'eth_blockNumber'],
      [8453, 'eth_call'],
    ]);
    expect(progress).toEqual([]);
    expect(s.status()[1]?.lastRead).toEqual(read);
    await poll();
    expect(asked()).toEqual([
      [10, 'eth_blockNumber'],
      [8453, 'eth_blockNumber'],
    ]);
  });

  it('tells no progress for a poll whose new block moved nothing of the portfolio but its statuses', async () => {
    const { service: s, statuses, progress } = service();
    await s.refresh();
    const base = nodes[1]?.url as string;
    const poll = async () => {
      progress.length = 0;
      statuses.length = 0;
      await s.refresh({ onlyIfMoved: true });
    };

    await anvilCall(base, 'evm_mine');
    await poll();
    // The read is stored and its status told, so the page shows how fresh it is; the rest is as it was.
    const head = Number(await anvilCall(base, 'eth_blockNumber'));
    expect(statuses).toEqual([expect.objectContaining({ chainId: 8453, lastRead: expect.anything() })]);
    expect(statuses[0]?.lastRead?.blockNumber).toBe(head);
    expect(progress).toEqual([]);

    await moveBalance(base);
    await anvilCall(base, 'evm_mine');
    await poll();
    expect(progress).toEqual([{ chainId: 8453, done: 1, total: 1 }]);
    const moved = s.portfolio().holdings.find((h) => h.chainId === 8453 && h.token === 'native');
    expect(moved?.blockNumber).toBe(head + 1);

    // A refresh the user asks for tells its progress whether or not anything moved.
    await s.refresh();
    expect(progress.slice(-2).map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('polls heads on an interval and reads a chain only when its head moves', async () => {
    const { service: s, exchanges } = service();
    await s.refresh();
    exchanges.length = 0;
    s.start(25);
    await sleep(150);
    expect(exchanges.length).toBeGreaterThan(2);
    expect(exchanges.every((e) => e.methods.join() === 'eth_blockNumber')).toBe(true);

    await anvilCall(nodes[1]?.url as string, 'evm_mine');
    await expect
      .poll(() => exchanges.some((e) => e.chainId === 8453 && e.methods[0] === 'eth_call'))
      .toBe(true);
    expect(exchanges.some((e) => e.chainId === 10 && e.methods[0] === 'eth_call')).toBe(false);
    s.stop();
    await sleep(30);
    const after = exchanges.length;
    await sleep(100);
    expect(exchanges.length).toBe(after);
  });

  it('cancels requests in flight when closed, and reports nothing after', async () => {
    const silent = await scriptedRpcServer(() => ({ hang: true }));
    hanging.push(silent);
    const { service: s, statuses } = service({ chains: [localChain(10, silent.url)] });
    const pending = s.refresh();
    await sleep(50);
    s.close();
    const [status] = await pending;
    expect(status).toMatchObject({ state: 'stale', reason: 'Not read since the app started.' });
    expect(statuses).toEqual([]);
  });

  describe('prices', () => {
    // No code there on the local chain: the feed is asked for, and answers that it cannot be read.
    const FEED = fixtureAddress('feed') as ChecksumAddress;
    function pricingDouble(overrides: Partial<PortfolioPricing> = {}) {
      const saved: ChainBalances[] = [];
      const refreshed: Portfolio[] = [];
      const pricing: PortfolioPricing = {
        feeds: (chainId) => (chainId === 10 ? [FEED] : []),
        saveReadings: (read) => void saved.push(read),
        value: () => ({ currency: 'USD', values: [] }),
        refreshed: (portfolio) => {
          refreshed.push(portfolio);
          return Promise.resolve({ currency: 'USD', values: [] });
        },
        valueHistory: () => ({ currency: 'USD', points: [] }),
        ...overrides,
      };
      return { pricing, saved, refreshed };
    }

    it('reads each chain’s feeds with its balances and hands pricing the answers, at the same block', async () => {
      const { pricing, saved } = pricingDouble();
      const { service: s } = service({ pricing });
      await s.refresh();
      const op = saved.find((read) => read.chainId === 10);
      expect(op?.feeds).toEqual([{ feed: FEED, round: null }]);
      expect(op?.blockNumber).toBe(s.status()[0]?.lastRead?.blockNumber);
      expect(saved.find((read) => read.chainId === 8453)?.feeds).toEqual([]);
    });

    it('stores balances and feed answers together or not at all', async () => {
      const { pricing } = pricingDouble({
        saveReadings: () => {
          throw new Error('disk I/O error');
        },
      });
      const { service: s } = service({ pricing });
      const [op] = await s.refresh();
      expect(op).toMatchObject({ state: 'stale', reason: 'Reading OP Mainnet failed unexpectedly.' });
      expect(op?.lastRead).toBeNull();
      expect(s.portfolio().holdings).toEqual([]);
    });

    it('tells pricing after each refresh and each poll that read something, never after an idle poll', async () => {
      const { pricing, refreshed } = pricingDouble();
      const { service: s } = service({ pricing });
      await s.refresh();
      expect(refreshed).toHaveLength(1);
      expect(refreshed[0]?.holdings.length).toBeGreaterThan(0);
      await s.refresh({ onlyIfMoved: true });
      expect(refreshed).toHaveLength(1);
      await anvilCall(nodes[1]?.url as string, 'evm_mine');
      await s.refresh({ onlyIfMoved: true });
      expect(refreshed).toHaveLength(2);
    });

    it('tells a poll’s moved balance at once, and a value that moved only once pricing has run', async () => {
      let price = '1';
      // Pricing answers only when the test says so, as a slow price service would.
      const asked: (() => void)[] = [];
      const { pricing } = pricingDouble({
        refreshed: () =>
          new Promise((resolve) => {
            asked.push(() => resolve({ currency: 'USD', values: [{ value: price }] as never }));
          }),
      });
      const answer = async (calls: number) => {
        await vi.waitFor(() => expect(asked).toHaveLength(calls));
        asked.at(-1)?.();
      };
      const { service: s, progress } = service({ pricing });
      const first = s.refresh();
      await answer(1);
      await first;
      const base = nodes[1]?.url as string;

      // The balance moved: told before pricing has answered.
      progress.length = 0;
      await moveBalance(base);
      await anvilCall(base, 'evm_mine');
      const moved = s.refresh({ onlyIfMoved: true });
      await vi.waitFor(() => expect(asked).toHaveLength(2));
      expect(progress).toEqual([{ chainId: 8453, done: 1, total: 1 }]);
      await answer(2);
      await moved;
      expect(progress).toHaveLength(1);

      // Nothing moved but a price: told once pricing has answered, not before.
      progress.length = 0;
      price = '2';
      await anvilCall(base, 'evm_mine');
      const revalued = s.refresh({ onlyIfMoved: true });
      await vi.waitFor(() => expect(asked).toHaveLength(3));
      expect(progress).toEqual([]);
      await answer(3);
      await revalued;
      expect(progress).toEqual([{ chainId: 8453, done: 1, total: 1 }]);
    });

    it('keeps a refresh that read well even when pricing fails after it', async () => {
      const { pricing } = pricingDouble({ refreshed: () => Promise.reject(new Error('price service down')) });
      const { service: s } = service({ pricing });
      const statuses = await s.refresh();
      expect(statuses.map((status) => status.state)).toEqual(['ok', 'ok']);
    });
  });

  describe('account activity', () => {
    it('reads nonces and native balances on every chain, and marks a chain it cannot reach unread', async () => {
      const spender = fixtureAddress('spender') as ChecksumAddress;
      const url = nodes[1]?.url as string;
      await anvilCall(url, 'anvil_setBalance', [spender, '0xde0b6b3a7640000']);
      await anvilCall(url, 'anvil_impersonateAccount', [spender]);
      await sendAndMine(url, { from: spender, to: spender, value: '0x0' });
      const fresh = fixtureAddress('never used') as ChecksumAddress;
      const refused = await scriptedRpcServer(() => ({ status: 500, text: 'down' }));
      hanging.push(refused);
      const { service: s, exchanges } = service({ chains: [...chains(), localChain(1, refused.url)] });

      const activity = await s.activity([ACCOUNTS[0] as ChecksumAddress, spender, fresh]);

      expect(activity.find((chain) => chain.chainId === 1)).toEqual({ chainId: 1, accounts: null });
      const base = activity.find((chain) => chain.chainId === 8453)?.accounts;
      expect(base?.map(({ nonce }) => nonce)).toEqual([0n, 1n, 0n]);
      expect(base?.[0]?.balance).toBeGreaterThan(0n);
      expect(base?.[2]?.balance).toBe(0n);
      // The head, then one POST: the balances through one aggregate3 plus a nonce per address.
      expect(exchanges.filter((e) => e.chainId === 10)).toHaveLength(2);
    });
  });

  describe('adding tokens', () => {
    it.each([
      ['not an address', 10, 'USDC', 'invalid_request', /"USDC" is not an address/],
      ['a mistyped address', 10, OP_USDC.replace('b2C', 'b2c'), 'invalid_request', /checksum error/],
      [
        'a token already in the list',
        10,
        OP_USDC.toLowerCase(),
        'conflict',
        /USDC \(0x0b2C.*\) is already in your tokens on OP Mainnet/,
      ],
      ['a chain that is not enabled', 1, OP_USDC, 'not_found', /^Ethereum is not enabled in this wallet\./],
      [
        'a chain the wallet does not know',
        999_999,
        OP_USDC,
        'not_found',
        /^Chain 999999 is not a network this/,
      ],
    ])('refuses %s', async (_, chainId, address, code, message) => {
      const { service: s, exchanges } = service();
      await expect(s.addToken(chainId, address)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
      expect(exchanges).toEqual([]);
    });

    it('makes a token that arrived unasked the user’s own when they add it', async () => {
      const token = fixtureAddress('gift') as ChecksumAddress;
      await deployToken(nodes[0]?.url as string, token, {
        name: 'Gift',
        symbol: 'GIFT',
        decimals: 0,
        totalSupply: 1n,
      });
      const { service: s } = service();
      s.recordDiscoveredToken({ chainId: 10, address: token, symbol: 'GIFT', name: 'Gift', decimals: 0 });
      expect(s.tokens(10).find((t) => t.address === token)).toMatchObject({
        source: 'discovered',
        hidden: true,
      });

      expect(await s.addToken(10, token)).toMatchObject({
        address: token,
        source: 'user',
        hidden: false,
        symbol: 'GIFT',
      });
      // A list token is never recorded as discovered.
      s.recordDiscoveredToken({
        chainId: 10,
        address: OP_USDC as ChecksumAddress,
        symbol: 'X',
        name: 'X',
        decimals: 1,
      });
      expect(s.tokens(10).filter((t) => t.address === OP_USDC)).toEqual([
        expect.objectContaining({ source: 'list' }),
      ]);
    });
  });
});
