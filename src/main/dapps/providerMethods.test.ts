import { describe, expect, it, vi } from 'vitest';
import { quietLog, sessionGrant } from '../../../test/dapps/dappsHarness';
import type { ProviderRequest } from './dappGateway';
import type { MethodCall } from './dappSession';
import { ProviderError, toRpcError } from './providerError';
import { ProviderMethods } from './providerMethods';
import { SiteLimits } from './siteLimits';
import type { ConnectedSite } from './sites';

const ORIGIN = 'https://app.example.org';
const SITE: ConnectedSite = { origin: ORIGIN, accountIds: [1], chainId: 1, connectedAt: 0, lastUsedAt: 0 };

function methods(
  table: Record<string, (call: MethodCall) => unknown> = {},
  walletConnectTable: Record<string, (call: MethodCall) => unknown> = {},
) {
  const log = quietLog();
  const sites = {
    connected: vi.fn((origin: string) => (origin === ORIGIN ? SITE : undefined)),
    used: vi.fn(),
  };
  const dispatcher = new ProviderMethods({
    table: { eth_chainId: () => '0x1', ...table },
    walletConnectTable: { eth_chainId: () => '0xa', ...walletConnectTable },
    sites,
    limits: new SiteLimits(() => 0, { burst: 3, perSecond: 1 }),
    log,
  });
  const send = (request: Partial<ProviderRequest>) =>
    dispatcher
      .handle({ origin: ORIGIN, method: 'eth_chainId', params: [], browserId: 'b'.repeat(32), ...request })
      .then(
        (result) => ({ result }),
        (error: unknown) => ({ error: toRpcError(error), isProviderError: error instanceof ProviderError }),
      );
  return { send, log, sites };
}

describe('ProviderMethods', () => {
  it('answers a well-formed request and marks the site used', async () => {
    const { send, sites } = methods();
    expect(await send({})).toEqual({ result: '0x1' });
    expect(sites.used).toHaveBeenCalledWith(SITE);
  });

  it.each([
    ['a page origin with a path', { origin: 'https://app.example.org/path' }],
    ['plain http off this machine', { origin: 'http://app.example.org' }],
    ['no origin', { origin: undefined as unknown as string }],
    ['an empty method', { method: '' }],
    ['a method that is not a name', { method: 'eth chainId' }],
    ['a prototype key', { method: '__proto__' }],
    ['a method that is not text', { method: 7 as unknown as string }],
    ['params that are text', { params: 'x' }],
    ['params that are a number', { params: 1 }],
  ])('refuses %s with -32600', async (_name, request) => {
    expect(await methods().send(request)).toMatchObject({ error: { code: -32600 }, isProviderError: true });
  });

  it('answers 4200 for a method it does not have, inherited names included', async () => {
    const { send } = methods();
    for (const method of ['eth_sign', 'toString', 'hasOwnProperty']) {
      expect(await send({ method })).toMatchObject({ error: { code: 4200 } });
    }
  });

  it('holds each site to its rate (-32005)', async () => {
    const { send } = methods();
    const answers = await Promise.all([1, 2, 3, 4].map(() => send({})));
    expect(answers.map((answer) => ('error' in answer ? answer.error.code : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
      -32005,
    ]);
  });

  it('turns a failure that is not a ProviderError into -32603, logged, with nothing of it sent', async () => {
    const { send, log } = methods({
      wallet_broken: () => {
        throw new Error('SQLITE_BUSY at /home/user/wallet.sqlite');
      },
    });
    const answer = await send({ method: 'wallet_broken' });
    expect(answer).toEqual({
      error: { code: -32603, message: 'The wallet could not answer; try again.' },
      isProviderError: true,
    });
    expect(log.error).toHaveBeenCalled();
  });

  it('hands the handler the site only when it is connected', async () => {
    const seen: (ConnectedSite | undefined)[] = [];
    const { send } = methods({ wallet_who: (call) => void seen.push(call.site) });
    await send({ method: 'wallet_who' });
    await send({ method: 'wallet_who', origin: 'https://other.example' });
    expect(seen).toEqual([SITE, undefined]);
  });

  describe('a WalletConnect request', () => {
    const grant = sessionGrant({ accountIds: [2], chainIds: [1, 10], chainId: 10, connectedAt: 5 });

    it('uses its session’s methods and grant, and leaves the extension’s site alone', async () => {
      const seen: MethodCall[] = [];
      const { send, sites } = methods(
        { wallet_who: () => 'extension' },
        { wallet_who: (call) => seen.push(call) },
      );
      expect(await send({ session: grant } as never)).toEqual({ result: '0xa' });
      await send({ method: 'wallet_who', session: grant } as never);
      expect(seen).toEqual([
        {
          origin: ORIGIN,
          method: 'wallet_who',
          params: [],
          site: { origin: ORIGIN, accountIds: [2], chainId: 10, connectedAt: 5, lastUsedAt: 0 },
          grant,
        },
      ]);
      expect(sites.connected).not.toHaveBeenCalled();
      expect(sites.used).not.toHaveBeenCalled();
    });

    it('answers 4200 for a method only the extension has', async () => {
      const { send } = methods({ wallet_extensionOnly: () => null });
      expect(await send({ method: 'wallet_extensionOnly', session: grant } as never)).toMatchObject({
        error: { code: 4200 },
      });
    });

    it('refuses a chain the session was not granted (4901)', async () => {
      const { send } = methods();
      const answer = await send({ session: { ...grant, chainId: 137 } } as never);
      expect(answer).toMatchObject({ error: { code: 4901, message: expect.stringContaining('137') } });
    });

    it('is held to its session’s rate, apart from the extension’s site of the same origin', async () => {
      const { send } = methods();
      const other = { ...grant, topic: 'd'.repeat(64) };
      for (let i = 0; i < 3; i += 1) expect(await send({ session: grant } as never)).toHaveProperty('result');
      expect(await send({ session: grant } as never)).toMatchObject({ error: { code: -32005 } });
      expect(await send({ session: other } as never)).toHaveProperty('result');
      expect(await send({})).toHaveProperty('result');
    });
  });
});
