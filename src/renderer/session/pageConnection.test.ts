// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { WalletSurface } from '../../shared/api/surface';
import { openConnection } from './pageConnection';

/** Electron's preload surface, answering every call with an empty success and counting what is asked. */
function preloadSurface(asked: string[]): WalletSurface {
  const group = (name: string) =>
    new Proxy(
      {},
      { get: (_, method) => async () => (asked.push(`${name}.${String(method)}`), { ok: true, data: {} }) },
    );
  const events = new Proxy({}, { get: () => () => () => undefined });
  return new Proxy({ events } as object, {
    get: (target, name) => (name === 'events' ? events : group(String(name))),
  }) as WalletSurface;
}

describe('openConnection', () => {
  it('has nothing to ask without the launch link', () => {
    history.replaceState(null, '', '/');
    sessionStorage.clear();
    expect(openConnection(window)).toEqual({ ok: false, reason: 'missing-secret' });
  });

  it('asks for the session and the first screen as it connects, before anything renders', async () => {
    history.replaceState(null, '', '/#/portfolio');
    const asked: string[] = [];
    const win = Object.assign(Object.create(window) as Window, { wallet: preloadSurface(asked) });
    const connection = openConnection(win);
    expect(connection.ok).toBe(true);
    expect(asked).toEqual(expect.arrayContaining(['app.info', 'settings.get', 'portfolio.get']));
    // The first caller gets the answer already asked for.
    if (connection.ok) await connection.client.call('portfolio.get');
    expect(asked.filter((channel) => channel === 'portfolio.get')).toHaveLength(1);
  });
});
