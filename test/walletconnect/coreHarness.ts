import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { createLogger } from '../../src/main/log';
import { LedgerDeviceSource } from '../../src/main/signers/ledger/ledgerDeviceSource';
import type { Keychain } from '../../src/main/vault/keychain';
import type { Channel, RequestOf, ResponseOf } from '../../src/shared/api/contract';
import type { ApiFailure } from '../../src/shared/api/envelope';
import type { EmulatedHidBus } from '../ledger/emulatedHidBus';
import { guardNetwork, type NetworkGuard } from './flowsNetwork';
import { type RelayDouble, startRelayDouble } from './relayDouble';

/** The origin the flows call the router from, as the app's own page does. */
const PAGE = 'http://127.0.0.1:1';

/**
 * A keychain in memory. The flows hand the same one to the desktop they restart, as the OS keychain outlives
 * the app: the vault's secrets (WalletConnect's keys among them) are then read back from it.
 */
export function memoryKeychain(): Keychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    backend: 'memory',
    entries,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => void entries.set(account, secret),
    delete: async (account) => entries.delete(account),
    list: async () => [...entries.keys()],
  };
}

/** The wallet's RPC fetch in the flows: loopback answers, anything else fails as with no network. */
const loopbackOnly: typeof fetch = async (input, init) => {
  const target = new URL(input instanceof Request ? input.url : String(input));
  if (target.hostname !== '127.0.0.1') throw new TypeError('fetch failed: this test has no network');
  return fetch(input, init);
};

export interface DesktopOptions {
  dataDir: string;
  keychain: Keychain;
  /** Where the emulated Ledger is plugged in. */
  bus: EmulatedHidBus;
  /** Anything else the flow needs of the core. */
  core?: Partial<CoreOptions>;
}

/** A router answer that failed: its error code and words, for a flow to assert on. */
export class CallFailed extends Error {
  constructor(
    readonly channel: string,
    readonly failure: ApiFailure,
  ) {
    super(`${channel}: ${failure.code} ${failure.message}${failure.detail ? ` (${failure.detail})` : ''}`);
  }
}

export interface Desktop {
  core: Core;
  /** Calls the router as the app's page does; rejects with CallFailed when it refuses. */
  call<C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Every event the core emitted, in order. */
  events: { name: string; payload: unknown }[];
  close(): void;
}

/** The real core, as the browser host builds it, with no polling and nothing that leaves the machine. */
export function startDesktop(options: DesktopOptions): Desktop {
  const core = createCore({
    dataDir: options.dataDir,
    app: { name: 'Ledgerline-walletconnect-flows', version: '0.0.0-test', host: 'browser' },
    electronVersion: null,
    trustedOrigins: [PAGE],
    log: createLogger('walletconnect-flows', () => undefined),
    keychain: options.keychain,
    chainPollMs: 0,
    historyPollMs: 0,
    txPollMs: 0,
    syncPollMs: 0,
    deviceSources: [new LedgerDeviceSource(options.bus)],
    rpc: { fetch: loopbackOnly },
    bridgePort: 0,
    ...options.core,
  });
  const events: Desktop['events'] = [];
  core.events.subscribe((name, payload) => events.push({ name, payload }));
  return {
    core,
    events,
    async call(channel, payload) {
      const result = await core.router.invoke(channel, payload, { origin: PAGE, isMainFrame: true });
      if (!result.ok) throw new CallFailed(channel, result.error);
      return result.data as never;
    },
    close: () => core.close(),
  };
}

/** Polls until `probe` gives something, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what} in vain`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Points the desktop at a chain on anvil and adds the emulated Ledger's first account. */
export async function addLedgerAccount(desktop: Desktop, chainId: number, rpcUrl: string): Promise<number> {
  await desktop.call('settings.set', { enabledChainIds: [chainId], activeChainId: chainId });
  await desktop.call('chains.setRpc', { chainId, urls: [rpcUrl] });
  const device = await waitFor('the emulated Ledger', async () =>
    (await desktop.call('devices.list')).find((d) => d.state === 'ready'),
  );
  const [account] = await desktop.call('devices.addAccounts', {
    deviceId: device.id,
    accounts: [{ scheme: 'ledger-live', index: 0, label: 'Ledger main' }],
  });
  if (!account) throw new Error('the emulated Ledger account was not added');
  return account.id;
}

/** The project id the flows give: any 32 hex characters pass, and only the relay double reads it. */
export const TEST_PROJECT_ID = '0123456789abcdef0123456789abcdef';

/**
 * Points WalletConnect at the relay double, as a user does in Settings. `verify` turns Verify lookups on; the
 * flows that do so give the core the local Verify double, and the others leave it off, because a dApp in Node
 * has no page for Verify to attest.
 */
export async function useRelay(desktop: Desktop, relayUrl: string, verify = false): Promise<void> {
  await desktop.call('settings.set', {
    walletConnectRelayUrl: relayUrl,
    walletConnectProjectId: TEST_PROJECT_ID,
    walletConnectVerify: verify,
  });
  await waitFor(
    'the relay link',
    async () => (await desktop.call('walletconnect.view')).status.state === 'online',
  );
}

/** The first request waiting for the user that `match` picks. */
export function waitingRequest(
  desktop: Desktop,
  what: string,
  match: (request: ResponseOf<'dapps.requests'>[number]) => boolean,
) {
  return waitFor(what, async () => (await desktop.call('dapps.requests')).find(match));
}

/** What every flow file stands on; filled in before its tests run. */
export interface FlowWorld {
  /** Records (and fails) anything that would leave this machine, from the first hook to the last. */
  network: NetworkGuard;
  relay: RelayDouble;
  /** The desktop's data directory, removed after the file's tests. */
  dataDir: string;
}

/**
 * The network guard, a relay double and a data directory for one flow file, set up before its tests and torn
 * down after them (after the file's own hooks have closed its desktop and dApps).
 */
export function useFlowWorld(name: string): FlowWorld {
  const world = {} as FlowWorld;
  beforeAll(async () => {
    world.network = guardNetwork();
    world.relay = await startRelayDouble();
    world.dataDir = mkdtempSync(join(tmpdir(), `walletconnect-${name}-`));
  });
  afterAll(async () => {
    await world.relay?.close();
    world.network?.restore();
    if (world.dataDir) rmSync(world.dataDir, { recursive: true, force: true });
  });
  return world;
}

/**
 * The first two findings of a message request's review: the line saying how the request came (the sheet's
 * header), then what leads the checks under it.
 */
export async function leadingFindings(desktop: Desktop, id: string): Promise<string[]> {
  const review = await desktop.call('dapps.review', { id });
  if (review.type !== 'message') throw new Error(`a message review was expected, got ${review.type}`);
  return review.findings.slice(0, 2).map((finding) => finding.code);
}
