import type { Database } from 'better-sqlite3';
import { vi } from 'vitest';
import type { DappChannel, DappRequestDetail } from '../../src/shared/dapps';
import { createEventHub } from '../../src/main/api/events';
import type { Logger } from '../../src/main/log';
import type { ProviderEventName } from '../../src/main/dapps/bridge/browserLink';
import type { ProviderRequest, SessionGrant } from '../../src/main/dapps/dappGateway';
import { DappsService } from '../../src/main/dapps/dappsService';
import type { DappWallet, WalletAccount } from '../../src/main/dapps/dappWallet';
import { RequestQueue } from '../../src/main/dapps/requestQueue';
import { RequestQueueRepository } from '../../src/main/dapps/requestQueueRepository';
import type { RpcClient } from '../../src/main/rpc/rpcClient';
import type { DappSigning } from '../../src/main/dapps/signingRequests';
import { siteFindings } from '../../src/main/dapps/siteFindings';
import { Sites } from '../../src/main/dapps/sites';
import { SitesRepository } from '../../src/main/dapps/sitesRepository';

export const SITE = 'https://app.example.org';
export const OTHER = 'https://other.example.org';
export const ACCOUNTS: WalletAccount[] = [
  { id: 1, address: '0x1111111111111111111111111111111111111111', label: 'Main' },
  { id: 2, address: '0x2222222222222222222222222222222222222222', label: 'Savings' },
];

/** The first item, which the test expects to be there. */
export function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

export const quietLog = (): Logger => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

/** A wallet with two accounts on chain 1 (enabled), chain 10 (enabled) and chain 137 (known, off). */
export function fakeWallet(overrides: Partial<DappWallet> = {}) {
  const state = {
    accounts: [...ACCOUNTS],
    enabled: new Set([1, 10]),
    names: new Map([
      [1, 'Ethereum'],
      [10, 'OP Mainnet'],
      [137, 'Polygon'],
    ]),
    clients: new Map<number, RpcClient>(),
  };
  const wallet: DappWallet = {
    accounts: () => state.accounts,
    activeChainId: () => 1,
    chain: (chainId) => {
      const name = state.names.get(chainId);
      return name === undefined ? undefined : { name, enabled: state.enabled.has(chainId) };
    },
    client: (chainId) => (state.enabled.has(chainId) ? state.clients.get(chainId) : undefined),
    enableChain: vi.fn((chainId: number) => void state.enabled.add(chainId)),
    addChain: vi.fn(async (chain) => {
      state.names.set(chain.chainId, chain.name);
      state.enabled.add(chain.chainId);
    }),
    addToken: vi.fn(async () => {}),
    ...overrides,
  };
  return { wallet, state };
}

/** A signing double that queues what it is given and answers a fixed result on approval. */
export function fakeSigning(): DappSigning & { [K in keyof DappSigning]: ReturnType<typeof vi.fn> } {
  return {
    parse: vi.fn((_method, _params, site): DappRequestDetail => ({
      type: 'message',
      account: { accountId: site.accountIds[0], address: first(ACCOUNTS).address, label: 'Main' },
      text: 'hello',
      hex: '0x68656c6c6f',
    })),
    answer: vi.fn(async () => ({ answered: true })),
    review: vi.fn(async () => ({ type: 'message', findings: [], signer: { kind: 'watch', label: 'Main' } })),
    approve: vi.fn(async () => `0x${'ab'.repeat(65)}`),
  } as never;
}

export interface LinkEvent {
  origin: string;
  name: ProviderEventName;
  data: unknown;
}

/** The service over a real store, with doubles for the wallet, the signing requests and the pages. */
export function dappsHarness(
  db: Database,
  options: { now?: () => number; fetch?: typeof fetch; verifyOn?: boolean } = {},
) {
  const now = options.now ?? (() => 1_000_000);
  const { wallet, state } = fakeWallet();
  const signing = fakeSigning();
  const events = createEventHub();
  const emitted: { name: string; payload: unknown }[] = [];
  events.subscribe((name, payload) => emitted.push({ name, payload }));
  const linkEvents: LinkEvent[] = [];
  const windowLists: string[][] = [];
  const log = quietLog();
  const sites = new Sites(new SitesRepository(db), now);
  const queue = new RequestQueue(new RequestQueueRepository(db), { now, log });
  const service = new DappsService({
    sites,
    queue,
    wallet,
    signing,
    siteFindings: (origin, via) =>
      siteFindings(origin, via, {
        sites: sites.known(),
        sessions: [],
        verifyOn: options.verifyOn ?? true,
        now: now(),
      }),
    events,
    log,
    now,
    fetch: options.fetch ?? (async () => new Response('{}', { status: 500 })),
    probeTimeoutMs: 1000,
  });
  service.attach({
    emit: (origin, name, data) => linkEvents.push({ origin, name, data }),
    sitesChanged: (list) => windowLists.push(list),
  });
  const call = (method: string, params?: unknown, origin = SITE) =>
    service.handle({ origin, method, params, browserId: 'b'.repeat(32) } satisfies ProviderRequest);
  /** A request through a WalletConnect session: the grant stands for the site. */
  const callSession = (session: SessionGrant, method: string, params?: unknown, origin = SITE) =>
    service.handle({ origin, method, params, session } satisfies ProviderRequest);
  /** Lets queued work settle: the request is in the queue once this resolves. */
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    service,
    wallet,
    state,
    signing,
    emitted,
    linkEvents,
    windowLists,
    log,
    sites,
    queue,
    call,
    callSession,
    tick,
  };
}

/** A session on chains 1 and 10 with account 1, as the WalletConnect module hands its requests over. */
export function sessionGrant(overrides: Partial<SessionGrant> = {}): SessionGrant {
  return {
    topic: 'c'.repeat(64),
    name: 'Example dApp',
    verification: 'validated',
    accountIds: [1],
    chainIds: [1, 10],
    chainId: 1,
    connectedAt: 0,
    lastUsedAt: 0,
    ...overrides,
  };
}

/** How a request of a WalletConnect session arrives: a session of a dApp called "Dex". */
export function sessionChannel(
  overrides: Partial<Extract<DappChannel, { kind: 'walletconnect' }>> = {},
): Extract<DappChannel, { kind: 'walletconnect' }> {
  return {
    kind: 'walletconnect',
    topic: 'c'.repeat(64),
    name: 'Dex',
    verification: 'validated',
    ...overrides,
  };
}

/** Connects SITE with the given accounts through the real queue, as a user's approval does. */
export async function connectSite(harness: ReturnType<typeof dappsHarness>, accountIds = [1]) {
  const answer = harness.call('eth_requestAccounts');
  await harness.tick();
  const request = harness.service.requests().find((r) => r.origin === SITE && r.detail.type === 'connect');
  if (!request) throw new Error('no connect request was queued');
  await harness.service.approve({ id: request.id, accountIds });
  return answer;
}
