import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { createLogger } from '../../src/main/log';
import { LedgerDeviceSource } from '../../src/main/signers/ledger/ledgerDeviceSource';
import type { Keychain } from '../../src/main/vault/keychain';
import type { Channel } from '../../src/shared/api/contract';
import { BridgeClient, type PairedDesktop } from '../../src/shared/bridge/bridgeClient';
import type { BrowsersView, DappRequestView } from '../../src/shared/dapps';
import { anvilCall } from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { EmulatedHidBus } from '../ledger/emulatedHidBus';
import { LedgerEmulator } from '../ledger/ledgerEmulator';

const ORIGIN = 'http://127.0.0.1:1';
const own = { origin: ORIGIN, isMainFrame: true };
const RUNS = 10_000;
/**
 * The desktop takes at most 200 requests a second from one browser (requestDispatch.ts) and 50 a second from one
 * site after a burst of 200 (siteLimits.ts), so the requests go through several paired browsers in turn, each
 * with a site of its own connected and paced under both: about 90 a second, 4 in 10 of them from its own site.
 */
const BROWSERS = 4;
const PACE_MS = 11;
const SITES = Array.from({ length: BROWSERS }, (_, i) => `https://app${i}.fuzz.example`);
/** The desktop's bound on one application message (common20.md); junk stays within it, or the client refuses it. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** The longest method name the extension's content script forwards (relayMessages.ts). */
const MAX_METHOD_LENGTH = 100;
/** What the extension sends as its Origin; any chrome-extension:// origin passes the upgrade's check. */
const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
/** The emulated Ledger's first Ledger Live account (the public test mnemonic). */
const LEDGER_MAIN = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
/** The Ethereum app's signing instructions: a transaction, a personal message, an EIP-712 message. */
const SIGNING_INS = new Set([0x04, 0x08, 0x0c]);

/**
 * EIP-1193 (4xxx), EIP-1474 (-327xx, -32000…-32006), EIP-5792 (57xx), and 3, the "execution reverted" a node
 * answers eth_call and eth_estimateGas with (revert data in `data`): the codes a site may get.
 */
const PROVIDER_CODES = new Set([
  3, 4001, 4100, 4200, 4900, 4901, 4902, -32700, -32600, -32601, -32602, -32603, -32000, -32001, -32002,
  -32003, -32004, -32005, -32006, 5700, 5710, 5720, 5730, 5740, 5750, 5760,
]);

const METHODS = [
  'eth_requestAccounts',
  'eth_accounts',
  'eth_chainId',
  'net_version',
  'wallet_switchEthereumChain',
  'wallet_addEthereumChain',
  'wallet_watchAsset',
  'wallet_requestPermissions',
  'wallet_getPermissions',
  'wallet_revokePermissions',
  'eth_sendTransaction',
  'personal_sign',
  'eth_signTypedData_v4',
  'wallet_getCapabilities',
  'wallet_sendCalls',
  'wallet_getCallsStatus',
  'wallet_showCallsStatus',
  'eth_call',
  'eth_getBalance',
  'eth_blockNumber',
  'eth_estimateGas',
  'eth_getTransactionReceipt',
  'eth_getLogs',
  'eth_getBlockByNumber',
  'eth_sign',
  'eth_signTransaction',
  'eth_sendRawTransaction',
  'eth_subscribe',
  '__proto__',
  'constructor',
] as const;

/** A keychain in memory: the fuzz needs the vault (the paired browser's resume secret), not D-Bus. */
function memoryKeychain(): Keychain {
  const entries = new Map<string, string>();
  return {
    backend: 'memory',
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => void entries.set(account, secret),
    delete: async (account) => entries.delete(account),
    list: async () => [...entries.keys()],
  };
}

/** Node's `ws` socket, sending the Origin header a browser sets for an extension's service worker. */
class ExtensionSocket extends WebSocket {
  constructor(url: string, protocols: string | string[]) {
    super(url, protocols, { origin: EXTENSION_ORIGIN });
  }
}

const address = fc.constantFrom(
  '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
  '0x0000000000000000000000000000000000000000',
  '0x9858effd232b4033e47d90003d41ec34ecaeda9',
  'not an address',
);
const hex = fc.oneof(
  fc.constantFrom('0x', '0x0', '0x1', '0xzz', '1', '-0x1'),
  fc.bigInt({ min: 0n, max: 1n << 300n }).map((n) => `0x${n.toString(16)}`),
);
const junk = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 3,
    arbitrary: fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }).map((value) => {
      try {
        return JSON.parse(JSON.stringify(value)) as unknown;
      } catch {
        return null;
      }
    }),
  },
  // Large text within the message bound: a payload size the desktop must take without choking.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000, max: MAX_MESSAGE_BYTES - 4_096 }).map((length) => 'x'.repeat(length)),
  },
);
/** Params a real dApp would send for the methods above, and near-misses of them. */
const plausibleParams = fc.oneof(
  fc.record({ from: address, to: address, value: hex, data: hex }, { requiredKeys: [] }).map((tx) => [tx]),
  fc.tuple(hex, address),
  fc.tuple(address, fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 3 }))),
  fc.tuple(fc.record({ chainId: hex })),
  fc.tuple(
    fc.record({
      chainId: hex,
      chainName: fc.string(),
      rpcUrls: fc.array(fc.constantFrom('http://127.0.0.1:9/', 'ftp://x', 'javascript:alert(1)', '')),
      nativeCurrency: fc.record({ name: fc.string(), symbol: fc.string(), decimals: fc.integer() }),
    }),
  ),
  fc.tuple(
    fc.record(
      {
        version: fc.constantFrom('2.0.0', '1.0', ''),
        chainId: hex,
        from: address,
        atomicRequired: fc.boolean(),
        calls: fc.array(fc.record({ to: address, data: hex, value: hex }, { requiredKeys: [] }), {
          maxLength: 12,
        }),
        capabilities: fc.dictionary(fc.string(), fc.record({ optional: fc.boolean() })),
      },
      { requiredKeys: [] },
    ),
  ),
  fc.tuple(fc.record({ to: address, data: hex }), fc.constantFrom('latest', 'pending', '0x1', 'earliest')),
  fc.tuple(fc.record({ fromBlock: hex, toBlock: hex, address })),
  fc.record({
    type: fc.constantFrom('ERC20', 'ERC721'),
    options: fc.record({ address, symbol: fc.string(), decimals: fc.integer() }),
  }),
);
/**
 * `null` stands for the browser's own connected site. Origins and methods stay within what the extension
 * forwards (an origin the browser can report, a method of 1 to 100 UTF-16 units, as relayMessages.ts checks):
 * a page cannot make the extension send anything else, and the desktop closes a socket that does.
 */
const request = fc.record({
  origin: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    // Fresh origins each get a fresh rate bucket, so the limiter does not answer everything.
    { weight: 5, arbitrary: fc.domain().map((host) => `https://${host}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'null',
        'http://evil.example',
        'http://127.0.0.1:8080',
        'file://',
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        `https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.example`,
      ),
    },
  ),
  method: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...METHODS) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 100 }) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 20, maxLength: 100 })
        .filter((method) => method.length <= MAX_METHOD_LENGTH),
    },
  ),
  params: fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: plausibleParams },
    { weight: 3, arbitrary: junk },
  ),
});

describe('10,000 random provider requests through paired bridge clients, against the real core', () => {
  const nodes = useAnvilChains([1]);
  const emulator = new LedgerEmulator({ model: 'Nano X' });
  const bus = new EmulatedHidBus();
  bus.plug('emulated-ledger', emulator);
  let dir: string;
  let core: Core;
  const clients: BridgeClient[] = [];
  const call = async <T>(channel: Channel, payload?: unknown): Promise<T> => {
    const result = await core.router.invoke(channel, payload, own);
    if (!result.ok) {
      const { code, message, detail } = result.error;
      throw new Error(`${channel}: ${code} ${message}${detail ? ` (${detail})` : ''}`);
    }
    return result.data as T;
  };
  const signingExchanges = () =>
    emulator.exchangeLog.filter((entry) => entry.cla === 0xe0 && SIGNING_INS.has(entry.ins)).length;

  /** Pairs one more browser the way the extension does: the desktop's code, the SAS confirmed on the desktop. */
  async function pairBrowser(name: string): Promise<BridgeClient> {
    const started = await call<BrowsersView>('browsers.startPairing');
    if (!started.pairing) throw new Error('the desktop showed no pairing code');
    let saved: PairedDesktop | null = null;
    const client = new BridgeClient({
      WebSocket: ExtensionSocket,
      name,
      load: async () => saved,
      save: async (desktop) => void (saved = desktop),
    });
    const { sas, done } = await client.pair(started.pairing.code);
    const paired = done.then(
      () => null,
      (error: unknown) => error,
    );
    // The desktop shows the SAS once the extension's first sealed frame proved it holds the code.
    const shown = await waitFor(async () => (await call<BrowsersView>('browsers.status')).pairing?.sas);
    expect(shown).toBe(sas);
    await call('browsers.confirmPairing', { id: started.pairing.id, matches: true });
    const failure = await paired;
    if (failure) throw failure;
    return client;
  }

  /** Connects `origin` to the account, approving its request as the sheet would. */
  async function connectSite(client: BridgeClient, origin: string, accountId: number): Promise<void> {
    const connecting = client.request(origin, 'eth_requestAccounts', []);
    const pending = await waitFor(async () =>
      (await call<DappRequestView[]>('dapps.requests')).find((queued) => queued.origin === origin),
    );
    await call('dapps.approve', { id: pending.id, accountIds: [accountId] });
    expect(await connecting).toEqual([LEDGER_MAIN.toLowerCase()]);
  }

  beforeAll(async () => {
    const url = nodes[0]?.url as string;
    dir = mkdtempSync(join(tmpdir(), 'provider-fuzz-'));
    core = createCore({
      dataDir: dir,
      app: { name: 'Ledgerline-provider-fuzz', version: '0.0.0-test', host: 'browser' },
      electronVersion: null,
      trustedOrigins: [ORIGIN],
      log: createLogger('provider-fuzz', () => undefined),
      keychain: memoryKeychain(),
      chainPollMs: 0,
      historyPollMs: 0,
      txPollMs: 0,
      syncPollMs: 0,
      deviceSources: [new LedgerDeviceSource(bus)],
      // Only this machine: a default endpoint never reaches the internet.
      rpc: { fetch: loopbackOnly },
      bridgePort: 0,
    });
    await call('settings.set', { enabledChainIds: [1] });
    await call('chains.setRpc', { chainId: 1, urls: [url] });
    // The bridge starts listening a moment after the core is built.
    await waitFor(async () => (await call<BrowsersView>('browsers.status')).bridge.listening);
    for (let i = 0; i < BROWSERS; i++) clients.push(await pairBrowser(`Fuzz browser ${i + 1}`));

    // Each browser's site is connected to the emulated Ledger's account, so signing methods are parsed and queued.
    const device = await waitFor(async () =>
      (await call<{ id: string; state: string }[]>('devices.list')).find((d) => d.state === 'ready'),
    );
    const [account] = await call<{ id: number }[]>('devices.addAccounts', {
      deviceId: device.id,
      accounts: [{ scheme: 'ledger-live', index: 0, label: 'Ledger main' }],
    });
    if (!account) throw new Error('the emulated Ledger account was not added');
    for (const [i, client] of clients.entries()) await connectSite(client, SITES[i] as string, account.id);
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    // The desktop records each browser's last visit as its socket closes: let that land before the store shuts.
    if (core) {
      await waitFor(async () =>
        (await call<BrowsersView>('browsers.status')).paired.every((browser) => !browser.online),
      ).catch(() => undefined);
    }
    core?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers every one with a result or a provider error, signs nothing, and stays up', async () => {
    const signedBefore = signingExchanges();
    const seed = Date.now();
    const requests = fc.sample(request, { numRuns: RUNS, seed });
    const codes = new Map<number | 'result', number>();
    const count = (key: number | 'result') => codes.set(key, (codes.get(key) ?? 0) + 1);
    const failures: string[] = [];
    const unanswered = clients.map(() => new Set<Promise<void>>());

    /** Checks one answer; a wrong one is kept with the request that got it, to read after the run. */
    const check = (sent: (typeof requests)[number], answer: { result: unknown } | { error: unknown }) => {
      if ('result' in answer) return void count('result');
      const { code, message } = (answer.error ?? {}) as { code?: unknown; message?: unknown };
      const wrong =
        !Number.isInteger(code) || !PROVIDER_CODES.has(code as number)
          ? `code ${String(code)}`
          : typeof message !== 'string' || message.length === 0
            ? 'no message'
            : /\n\s+at |\/src\/|\.ts:\d/.test(message)
              ? `a stack or a path in "${message}"`
              : null;
      if (wrong) failures.push(`${wrong} for ${JSON.stringify(sent).slice(0, 300)}`);
      else count(code as number);
    };

    /**
     * Requests that wait for the user (connect, sign, add a network) are answered only when the user is: reject
     * everything queued until every request sent has its answer. Rejecting is also what keeps each browser
     * under its in-flight bound.
     */
    const answerAll = async () => {
      const deadline = Date.now() + 30_000;
      while (unanswered.some((set) => set.size > 0)) {
        if (Date.now() > deadline) throw new Error('requests were neither answered nor queued for the user');
        for (const queued of await call<DappRequestView[]>('dapps.requests')) {
          await call('dapps.reject', { id: queued.id }).catch(() => undefined);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    // No request a page can make may cost the browser its link: every other site in it would go offline.
    const drops: string[] = [];
    const unwatch = clients.map((client, i) =>
      client.onStatus((status) => status === 'offline' && drops.push(`browser ${i + 1} went offline`)),
    );
    // The seed replays a failing run: fc.sample(request, { numRuns: RUNS, seed }).
    try {
      for (const [index, sent] of requests.entries()) {
        const browser = index % BROWSERS;
        // Under each browser's and each site's rate, so the service answers rather than the limiter.
        if (browser === 0) await new Promise((resolve) => setTimeout(resolve, PACE_MS));
        if ((unanswered[browser] as Set<Promise<void>>).size >= 24) await answerAll();
        const waiting = (clients[browser] as BridgeClient)
          .request(sent.origin ?? (SITES[browser] as string), sent.method, sent.params)
          .then(
            (result) => check(sent, { result }),
            (error: unknown) => check(sent, { error }),
          )
          .finally(() => unanswered[browser]?.delete(waiting));
        unanswered[browser]?.add(waiting);
      }
      await answerAll();
    } catch (error) {
      throw new Error(
        `provider fuzz, seed ${seed}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    for (const stop of unwatch) stop();

    console.info(`provider fuzz, seed ${seed}: ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(failures, `seed ${seed}`).toEqual([]);
    expect(drops, `seed ${seed}`).toEqual([]);
    expect(signingExchanges()).toBe(signedBefore);
    // The service answered, not only the limiters: results, refusals and the user's rejections all came back.
    expect(codes.get('result') ?? 0).toBeGreaterThan(RUNS / 100);
    for (const code of [4001, 4100, 4200]) expect(codes.get(code) ?? 0, `code ${code}`).toBeGreaterThan(0);
    expect((codes.get(-32602) ?? 0) + (codes.get(-32600) ?? 0)).toBeGreaterThan(0);
    for (const [i, client] of clients.entries()) {
      expect(await client.request(SITES[i] as string, 'eth_chainId', [])).toBe('0x1');
    }
    expect(await (clients[0] as BridgeClient).request(SITES[0] as string, 'eth_blockNumber', [])).toBe(
      await anvilCall(nodes[0]?.url as string, 'eth_blockNumber'),
    );
  }, 300_000);
});

/** The wallet's fetch for this test: loopback answers, anything else fails as with no network. */
const loopbackOnly: typeof fetch = async (input, init) => {
  const target = new URL(input instanceof Request ? input.url : String(input));
  if (target.hostname !== '127.0.0.1') throw new TypeError('fetch failed: this test has no network');
  return fetch(input, init);
};

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in vain`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
