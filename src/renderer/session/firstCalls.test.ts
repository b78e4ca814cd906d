import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/api/contract';
import type { WalletClient } from '../api/client';
import {
  FIRST_CALL_KEEP_MS,
  firstCallsAt,
  withFirstCalls,
  withFirstScreenCode,
  type FirstCall,
} from './firstCalls';

/** A client whose answers the test settles by hand, counting every call and every subscription. */
function manualClient() {
  const answers = new Map<string, { resolve(value: unknown): void; reject(error: unknown): void }[]>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: string[] = [];
  const client: WalletClient = {
    call: ((channel: string) => {
      calls.push(channel);
      return new Promise((resolve, reject) => {
        answers.set(channel, [...(answers.get(channel) ?? []), { resolve, reject }]);
      });
    }) as WalletClient['call'],
    on: ((name: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    }) as WalletClient['on'],
  };
  return {
    client,
    calls,
    answer: (channel: string, value: unknown) => answers.get(channel)?.shift()?.resolve(value),
    fail: (channel: string, error: unknown) => answers.get(channel)?.shift()?.reject(error),
    push: (name: EventName) => {
      for (const listener of listeners.get(name) ?? []) listener({});
    },
    listening: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

const PORTFOLIO: FirstCall = { channel: 'portfolio.get', staleAfter: ['accounts.changed'] };
const INFO: FirstCall = { channel: 'app.info', staleAfter: [] };

afterEach(() => {
  vi.useRealTimers();
});

describe('firstCallsAt', () => {
  it('asks for the portfolio’s data with the session’s on the default screen, and only the session’s elsewhere', () => {
    const channels = (hash: string) => firstCallsAt(hash).map((call) => call.channel);
    const session = [
      'app.info',
      'chains.list',
      'settings.get',
      'sync.status',
      'devices.list',
      'dapps.requests',
    ];
    expect(channels('')).toEqual([...session, 'accounts.list', 'portfolio.get', 'portfolio.valueHistory']);
    expect(channels('#/portfolio')).toEqual(channels(''));
    expect(channels('#/settings/networks')).toEqual(session);
    expect(channels('#/no-such-screen')).toEqual(session);
  });
});

describe('withFirstCalls', () => {
  it('asks at once, hands the answer to the first caller only, and asks main for anyone after', async () => {
    const main = manualClient();
    const client = withFirstCalls(main.client, [INFO, PORTFOLIO]);
    expect(main.calls).toEqual(['app.info', 'portfolio.get']);

    main.answer('portfolio.get', { first: true });
    await expect(client.call('portfolio.get')).resolves.toEqual({ first: true });
    expect(main.calls).toEqual(['app.info', 'portfolio.get']);

    const again = client.call('portfolio.get');
    expect(main.calls).toEqual(['app.info', 'portfolio.get', 'portfolio.get']);
    main.answer('portfolio.get', { first: false });
    await expect(again).resolves.toEqual({ first: false });
  });

  it('shows an answer that is in to first renders until it is taken, and nothing before it is in', async () => {
    const main = manualClient();
    const client = withFirstCalls(main.client, [PORTFOLIO]);
    expect(client.ready?.('portfolio.get')).toBeUndefined();
    main.answer('portfolio.get', { view: 1 });
    await client.firstAnswers?.();
    expect(client.ready?.('portfolio.get')).toEqual({ view: 1 });
    // Looking does not take: the hook's call still gets the same answer without asking main.
    await expect(client.call('portfolio.get')).resolves.toEqual({ view: 1 });
    expect(client.ready?.('portfolio.get')).toBeUndefined();
    expect(main.calls).toEqual(['portfolio.get']);
  });

  it('drops an answer a push may have made stale before anyone took it', async () => {
    const main = manualClient();
    const client = withFirstCalls(main.client, [INFO, PORTFOLIO]);
    main.answer('portfolio.get', { accounts: 2 });
    await Promise.resolve();
    main.push('accounts.changed');
    expect(client.ready?.('portfolio.get')).toBeUndefined();

    const fresh = client.call('portfolio.get');
    expect(main.calls).toEqual(['app.info', 'portfolio.get', 'portfolio.get']);
    main.answer('portfolio.get', { accounts: 3 });
    await expect(fresh).resolves.toEqual({ accounts: 3 });
    // A push for one call leaves the others as they were.
    main.answer('app.info', { name: 'Ledgerline' });
    await expect(client.call('app.info')).resolves.toEqual({ name: 'Ledgerline' });
    expect(main.calls).toHaveLength(3);
  });

  it('hands a failure to the caller that takes it, and waits for it like any answer', async () => {
    const main = manualClient();
    const client = withFirstCalls(main.client, [INFO, PORTFOLIO]);
    const settled = vi.fn();
    void client.firstAnswers?.().then(settled);
    main.fail('portfolio.get', new Error('The store is locked.'));
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    main.answer('app.info', { name: 'Ledgerline' });
    await vi.waitFor(() => expect(settled).toHaveBeenCalled());
    expect(client.ready?.('portfolio.get')).toBeUndefined();
    await expect(client.call('portfolio.get')).rejects.toThrow('The store is locked.');
  });

  it('forgets what nobody took in time, and stops listening for pushes', async () => {
    vi.useFakeTimers();
    const main = manualClient();
    const client = withFirstCalls(main.client, [PORTFOLIO]);
    expect(main.listening()).toBe(1);
    main.answer('portfolio.get', { view: 1 });
    await vi.advanceTimersByTimeAsync(FIRST_CALL_KEEP_MS - 1);
    expect(client.ready?.('portfolio.get')).toEqual({ view: 1 });
    await vi.advanceTimersByTimeAsync(1);
    expect(client.ready?.('portfolio.get')).toBeUndefined();
    expect(main.listening()).toBe(0);
    void client.call('portfolio.get');
    expect(main.calls).toEqual(['portfolio.get', 'portfolio.get']);
  });
});

describe('withFirstScreenCode', () => {
  /** Whether `promise` has settled once the work already queued has run. */
  const settled = async (promise: Promise<unknown> | undefined) => {
    let done = false;
    void promise?.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return done;
  };

  it('settles the first answers only once the first screen’s code is in too', async () => {
    const main = manualClient();
    let loadCode!: () => void;
    const client = withFirstScreenCode(
      withFirstCalls(main.client, [PORTFOLIO]),
      new Promise<void>((resolve) => (loadCode = resolve)),
    );
    main.answer('portfolio.get', { view: 1 });
    expect(await settled(client.firstAnswers?.())).toBe(false);
    loadCode();
    expect(await settled(client.firstAnswers?.())).toBe(true);
    // Still the same calls underneath: the answer is handed over, not asked again.
    await expect(client.call('portfolio.get')).resolves.toEqual({ view: 1 });
    expect(main.calls).toEqual(['portfolio.get']);
  });

  it('lets a chunk that failed to load be the screen’s to report', async () => {
    const main = manualClient();
    const client = withFirstScreenCode(
      withFirstCalls(main.client, [PORTFOLIO]),
      Promise.reject(new Error('chunk missing')),
    );
    main.answer('portfolio.get', { view: 1 });
    await expect(client.firstAnswers?.()).resolves.toBe(undefined);
  });

  it('leaves a client that made no first calls as it was', () => {
    const { client } = manualClient();
    expect(withFirstScreenCode(client, new Promise(() => undefined))).toBe(client);
  });
});
